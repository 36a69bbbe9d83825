# 모두를 위한 딥러닝 시즌2 lab 11-4 (time series): a stock-like table reversed with xy[::-1], scaled by a
# hand-written minmax_scaler (the 1e-7 in the denominator), windows of seq_length rows by build_dataset, a
# two-layer LSTM whose last step feeds a Linear, trained with Adam and its losses printed in full; then the
# gates by hand (chunk into four, sigmoid and tanh on the [batch, hidden] pieces) checked against nn.LSTM, and
# a GRU on the same windows. Hidden sizes under 16 make every gate value go through PyTorch's scalar sigmoid.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
np.random.seed(0)


def minmax_scaler(data):
    numerator = data - np.min(data, 0)
    denominator = np.max(data, 0) - np.min(data, 0)
    return numerator / (denominator + 1e-7)


def build_dataset(time_series, seq_length):
    dataX = []
    dataY = []
    for i in range(0, len(time_series) - seq_length):
        _x = time_series[i:i + seq_length, :]
        _y = time_series[i + seq_length, [-1]]
        if i == 0:
            print(_x.round(3), "->", _y.round(3))
        dataX.append(_x)
        dataY.append(_y)
    return np.array(dataX), np.array(dataY)


t = np.arange(40)
xy = np.stack([np.sin(t / 3), np.cos(t / 5), np.sin(t / 7) + 0.1 * np.random.randn(40), t / 40.0, np.sin(t / 4)],
              axis=1)
xy = xy[::-1]
seq_length = 7
train_size = int(len(xy) * 0.7)
train_set = minmax_scaler(xy[0:train_size])
test_set = minmax_scaler(xy[train_size - seq_length:])
trainX, trainY = build_dataset(train_set, seq_length)
testX, testY = build_dataset(test_set, seq_length)
trainX_tensor = torch.FloatTensor(trainX)
trainY_tensor = torch.FloatTensor(trainY)
testX_tensor = torch.FloatTensor(testX)
print(trainX_tensor.shape, trainY_tensor.shape, testX_tensor.shape)


class Net(torch.nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, layers):
        super(Net, self).__init__()
        self.rnn = torch.nn.LSTM(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, output_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        x = self.fc(x[:, -1])
        return x


net = Net(5, 10, 1, 2)
criterion = torch.nn.MSELoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)
for i in range(41):
    optimizer.zero_grad()
    outputs = net(trainX_tensor)
    loss = criterion(outputs, trainY_tensor)
    loss.backward()
    optimizer.step()
    if i % 5 == 0:
        print(i, loss.item())
with torch.no_grad():
    pred = net(testX_tensor)
print(pred[:4].flatten(), testY[:4].flatten().round(4))

# One LSTM layer by hand: the gates are views of one [batch, 4 * hidden] product.
lstm = net.rnn
with torch.no_grad():
    h = torch.zeros(trainX_tensor.size(0), 10)
    c = torch.zeros_like(h)
    projected = F.linear(trainX_tensor, lstm.weight_ih_l0, lstm.bias_ih_l0)
    for step in range(seq_length):
        gates = projected[:, step] + F.linear(h, lstm.weight_hh_l0, lstm.bias_hh_l0)
        i_gate, f_gate, g_gate, o_gate = gates.chunk(4, 1)
        c = torch.sigmoid(f_gate) * c + torch.sigmoid(i_gate) * torch.tanh(g_gate)
        h = torch.sigmoid(o_gate) * torch.tanh(c)
    layer1 = nn.LSTM(5, 10, batch_first=True)
    layer1.load_state_dict({k[:-1] + '0': v for k, v in lstm.state_dict().items() if k.endswith('l0')})
    out1, (h1, c1) = layer1(trainX_tensor)
print(torch.equal(h, h1[0]), torch.equal(c, c1[0]), h[0, :4])

torch.manual_seed(1)
gru = nn.GRU(5, 12, batch_first=True)
head = nn.Linear(12, 1)
opt = torch.optim.SGD(list(gru.parameters()) + list(head.parameters()), lr=0.1)
for i in range(3):
    opt.zero_grad()
    out, hn = gru(trainX_tensor)
    loss = criterion(head(hn[-1]), trainY_tensor)
    loss.backward()
    opt.step()
    print('gru', i, loss.item())
