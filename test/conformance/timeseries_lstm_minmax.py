# Idioms: a stock-style series scaled by a hand-written min-max scaler (`(data - min) / (max - min + 1e-7)`
# per column), sliding windows built in a loop into `torch.FloatTensor(np.array(...))`, `nn.LSTM(..., batch_first=True)`
# with `self.fc(x[:, -1])`, `optim.Adam`, `nn.MSELoss`, predictions scaled back.
# Seen in: deeplearningzerotoall/PyTorch lab-12_5 (stock prediction, DLZTA-RNN); wikidocs-RNN time series.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)
np.random.seed(0)

days = np.arange(80, dtype=np.float64)
opening = 100 + 0.5 * days + 5 * np.sin(days / 5)
closing = opening + np.cos(days / 3)
volume = 1000 + 100 * np.sin(days / 7)
table = np.stack([opening, closing, volume], axis=1)


def minmax_scaler(data):
    numerator = data - np.min(data, 0)
    denominator = np.max(data, 0) - np.min(data, 0)
    return numerator / (denominator + 1e-7)


def build_dataset(series, seq_length):
    xs, ys = [], []
    for i in range(len(series) - seq_length):
        xs.append(series[i : i + seq_length, :])
        ys.append(series[i + seq_length, [1]])
    return np.array(xs), np.array(ys)


scaled = minmax_scaler(table)
train_x, train_y = build_dataset(scaled[:60], 7)
test_x, test_y = build_dataset(scaled[53:], 7)
print(train_x.shape, train_y.shape, test_x.shape)
trainX = torch.FloatTensor(train_x)
trainY = torch.FloatTensor(train_y)
testX = torch.FloatTensor(test_x)


class Net(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, layers):
        super(Net, self).__init__()
        self.rnn = torch.nn.LSTM(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, output_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        return self.fc(x[:, -1])


net = Net(3, 6, 1, 1)
print(net)
criterion = torch.nn.MSELoss()
optimizer = optim.Adam(net.parameters(), lr=0.01)
for i in range(60):
    optimizer.zero_grad()
    outputs = net(trainX)
    loss = criterion(outputs, trainY)
    loss.backward()
    optimizer.step()
    if i % 15 == 0:
        print(i, loss.item())

with torch.no_grad():
    predicted = net(testX).data.numpy()
print(predicted.shape, predicted.dtype)
print(np.round(predicted[:4, 0], 4))
lo, hi = table[:, 1].min(), table[:, 1].max()
print(np.round(predicted[:3, 0] * (hi - lo + 1e-7) + lo, 3))
