# NYU Deep Learning (Canziani, 09-echo_data with res/sequential_tasks.py's EchoData): a binary stream from
# np.random.choice(2, size=..., p=[0.5, 0.5]) echoed by np.roll(x, echo_step, axis=1) with the first steps
# zeroed, cut into BPTT chunks by np.expand_dims + np.split; printed with print(*row) and str(d)[1:-1];
# a SimpleRNN over nn.RNN(nonlinearity='relu', batch_first=True) whose hidden state is carried across
# chunks and cut with hidden.detach_(), BCEWithLogitsLoss, RMSprop, accuracy from
# (pred == target.byte()).int().sum().item(); the echo check with torch.empty(...).random_(2), torch.where
# and np.roll on a tensor.
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(1)
np.random.seed(3)


class EchoData():
    def __init__(self, series_length=400, batch_size=5, echo_step=3, truncated_length=20, seed=None):
        self.series_length = series_length
        self.truncated_length = truncated_length
        self.n_batches = series_length // truncated_length
        self.echo_step = echo_step
        self.batch_size = batch_size
        if seed is not None:
            np.random.seed(seed)
        self.x_batch = None
        self.y_batch = None
        self.x_chunks = []
        self.y_chunks = []
        self.generate_new_series()
        self.prepare_batches()

    def __getitem__(self, index):
        if index == 0:
            self.generate_new_series()
            self.prepare_batches()
        return self.x_chunks[index], self.y_chunks[index]

    def __len__(self):
        return self.n_batches

    def generate_new_series(self):
        x = np.random.choice(2, size=(self.batch_size, self.series_length), p=[0.5, 0.5])
        y = np.roll(x, self.echo_step, axis=1)
        y[:, 0:self.echo_step] = 0
        self.x_batch = x
        self.y_batch = y

    def prepare_batches(self):
        x = np.expand_dims(self.x_batch, axis=-1)
        y = np.expand_dims(self.y_batch, axis=-1)
        self.x_chunks = np.split(x, self.n_batches, axis=1)
        self.y_chunks = np.split(y, self.n_batches, axis=1)


batch_size = 5
echo_step = 3
series_length = 2000
BPTT_T = 20
train_data = EchoData(echo_step=echo_step, batch_size=batch_size, series_length=series_length,
                      truncated_length=BPTT_T)
total_values_in_one_chunck = batch_size * BPTT_T
train_size = len(train_data)
test_data = EchoData(echo_step=echo_step, batch_size=batch_size, series_length=series_length,
                     truncated_length=BPTT_T)
test_size = len(test_data)
print(train_size, test_size, train_data.x_batch.dtype, type(train_data.x_chunks).__name__)

print('(1st input sequence)  x:', *train_data.x_batch[0, :20], '... ')
print('(1st target sequence) y:', *train_data.y_batch[0, :20], '... ')
print('x_batch:', *(str(d)[1:-1] + ' ...' for d in train_data.x_batch[:, :20]), sep='\n')
print('x_batch size:', train_data.x_batch.shape)
print()
print('y_batch:', *(str(d)[1:-1] + ' ...' for d in train_data.y_batch[:, :20]), sep='\n')
print('y_batch size:', train_data.y_batch.shape)
print('x_chunk:', *train_data.x_chunks[0].squeeze(), sep='\n')
print('1st x_chunk size:', train_data.x_chunks[0].shape)
print('ones per row', train_data.x_batch.sum(axis=1), train_data.x_batch.mean())


class SimpleRNN(nn.Module):
    def __init__(self, input_size, rnn_hidden_size, output_size):
        super().__init__()
        self.rnn_hidden_size = rnn_hidden_size
        self.rnn = torch.nn.RNN(input_size=input_size, hidden_size=rnn_hidden_size, num_layers=1,
                                nonlinearity='relu', batch_first=True)
        self.linear = torch.nn.Linear(in_features=rnn_hidden_size, out_features=1)

    def forward(self, x, hidden):
        x, hidden = self.rnn(x, hidden)
        x = self.linear(x)
        return x, hidden


device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")


def train():
    model.train()
    hidden = None
    correct = 0
    for batch_idx in range(train_size):
        data, target = train_data[batch_idx]
        data, target = torch.from_numpy(data).float().to(device), torch.from_numpy(target).float().to(device)
        optimizer.zero_grad()
        if hidden is not None:
            hidden.detach_()
        logits, hidden = model(data, hidden)
        loss = criterion(logits, target)
        loss.backward()
        optimizer.step()
        pred = (torch.sigmoid(logits) > 0.5)
        correct += (pred == target.byte()).int().sum().item() / total_values_in_one_chunck
    return correct, loss.item()


def test():
    model.eval()
    correct = 0
    hidden = None
    with torch.no_grad():
        for batch_idx in range(test_size):
            data, target = test_data[batch_idx]
            data, target = torch.from_numpy(data).float().to(device), torch.from_numpy(target).float().to(device)
            logits, hidden = model(data, hidden)
            pred = (torch.sigmoid(logits) > 0.5)
            correct += (pred == target.byte()).int().sum().item() / total_values_in_one_chunck
    return correct


feature_dim = 1
h_units = 4
model = SimpleRNN(input_size=1, rnn_hidden_size=h_units, output_size=feature_dim).to(device)
print(model)
criterion = torch.nn.BCEWithLogitsLoss()
optimizer = torch.optim.RMSprop(model.parameters(), lr=0.01)
n_epochs = 5
for epoch in range(1, n_epochs + 1):
    correct, loss = train()
    train_accuracy = float(correct) * 100 / train_size
    print(f'Train Epoch: {epoch}/{n_epochs}, loss: {loss:.3f}, accuracy {train_accuracy:.1f}%')
correct = test()
test_accuracy = float(correct) * 100 / test_size
print(f'Test accuracy: {test_accuracy:.1f}%')

my_input = torch.empty(1, 30, 1).random_(2)
hidden = None
my_out, _ = model(my_input.to(device), hidden)
my_pred = torch.where(my_out > .5, torch.ones_like(my_out), torch.zeros_like(my_out)).cpu()
print(my_input.view(1, -1).byte(), my_pred.view(1, -1).byte(), sep='\n')
expected = np.roll(my_input, echo_step)
expected[:, :echo_step] = 0
print(type(expected).__name__, expected.dtype, expected.shape)
correct = expected == my_pred.numpy()
print(np.ndarray.flatten(correct))
print(correct.sum(), correct.mean())
