# Character-level RNNs trained with CrossEntropyLoss and Adam (after DLZTA lab-12_2 hihello, lab-12_3 charseq
# and lab-12_4 long sequence, and wikidocs 08-04 char RNN): one-hot input from np.eye, `outputs.view(-1,
# dic_size)`, predictions through `outputs.data.numpy().argmax(axis=2)` and `np.squeeze`, joined back into a
# string; then a sentence cut into sliding windows and a class with a 2-layer nn.RNN and an nn.Linear head.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)

# "hello!" from "hell" style: predict the next character
char_set = ['a', 'b', 'n', 's', '!']
x_data = [[1, 0, 2, 0, 2, 0]]  # b a n a n a
y_data = [[0, 2, 0, 2, 0, 4]]  # a n a n a !
x_one_hot = [[np.eye(len(char_set))[i] for i in x_data[0]]]
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
print(X.shape, X.dtype, Y.shape)

input_size = len(char_set)
hidden_size = len(char_set)
rnn = torch.nn.RNN(input_size, hidden_size, batch_first=True)
criterion = torch.nn.CrossEntropyLoss()
optimizer = optim.Adam(rnn.parameters(), lr=0.1)

for i in range(40):
    optimizer.zero_grad()
    outputs, _status = rnn(X)
    loss = criterion(outputs.view(-1, input_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    result = outputs.data.numpy().argmax(axis=2)
    result_str = ''.join([char_set[c] for c in np.squeeze(result)])
    if i % 5 == 0 or i == 39:
        print(i, 'loss: ', loss.item(), 'prediction: ', result, 'true Y: ', y_data, 'prediction str: ', result_str)

# a sentence: every character predicts the next one
sample = ' to be or not to be'
char_set = sorted(set(sample))
char_dic = {c: i for i, c in enumerate(char_set)}
dic_size = len(char_dic)
sample_idx = [char_dic[c] for c in sample]
x_data = [sample_idx[:-1]]
x_one_hot = [np.eye(dic_size)[x] for x in x_data]
y_data = [sample_idx[1:]]
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
rnn = torch.nn.RNN(dic_size, dic_size, batch_first=True)
optimizer = optim.Adam(rnn.parameters(), 0.1)
for i in range(30):
    optimizer.zero_grad()
    outputs, _status = rnn(X)
    loss = criterion(outputs.view(-1, dic_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    result = outputs.data.numpy().argmax(axis=2)
    result_str = ''.join([char_set[c] for c in np.squeeze(result)])
    if i % 10 == 9:
        print(i, 'loss: ', round(loss.item(), 5), 'prediction str: ', result_str)

# a longer text in windows of 8, two RNN layers and a linear head
sentence = 'if you want to go fast, go alone. if you want to go far, go together.'
char_set = sorted(set(sentence))
char_dic = {c: i for i, c in enumerate(char_set)}
dic_size = len(char_dic)
hidden_size = dic_size
sequence_length = 8
x_data, y_data = [], []
for i in range(0, len(sentence) - sequence_length):
    x_str = sentence[i : i + sequence_length]
    y_str = sentence[i + 1 : i + sequence_length + 1]
    x_data.append([char_dic[c] for c in x_str])
    y_data.append([char_dic[c] for c in y_str])
x_one_hot = [np.eye(dic_size)[x] for x in x_data]
X = torch.FloatTensor(np.array(x_one_hot))
Y = torch.LongTensor(y_data)
print('windows', X.shape, Y.shape)


class Net(torch.nn.Module):
    def __init__(self, input_dim, hidden_dim, layers):
        super(Net, self).__init__()
        self.rnn = torch.nn.RNN(input_dim, hidden_dim, num_layers=layers, batch_first=True)
        self.fc = torch.nn.Linear(hidden_dim, hidden_dim, bias=True)

    def forward(self, x):
        x, _status = self.rnn(x)
        x = self.fc(x)
        return x


net = Net(dic_size, hidden_size, 2)
print(net)
optimizer = optim.Adam(net.parameters(), lr=0.05)
for i in range(25):
    optimizer.zero_grad()
    outputs = net(X)
    loss = criterion(outputs.view(-1, dic_size), Y.view(-1))
    loss.backward()
    optimizer.step()
    results = outputs.argmax(dim=2)
    predict_str = ''
    for j, result in enumerate(results):
        if j == 0:
            predict_str += ''.join([char_set[t] for t in result])
        else:
            predict_str += char_set[result[-1]]
    if i % 6 == 0 or i == 24:
        print(i, f'{loss.item():.4f}', predict_str)
