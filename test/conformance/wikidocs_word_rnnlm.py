# Idioms: a word-level RNN language model as the Korean book writes it: a vocab dict built from
# `sentence.split()` with `'<unk>': 0` prepended via `{tkn: i for i, tkn in enumerate(vocab, 1)}`,
# `build_data` making `x`/`y` index tensors with `.unsqueeze(0)`, `nn.Embedding` -> `nn.RNN(batch_first=True)`
# -> `nn.Linear`, `output.view(-1, output.size(2))` into `nn.CrossEntropyLoss`, `decode = lambda y: [...]`,
# printing `"{:0>2} loss: {:.4f}, x_hat: {}"` style lines with `" ".join(...)`, and `pred.argmax(-1)`.
# Seen in: wikidocs "PyTorch로 시작하는 딥 러닝 입문" 08-05 RNN 언어 모델 (RNNLM) (wikidocs-RNN).
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(11)
sentence = "Practice makes the learner steady and the steady learner makes progress"
vocab = sorted(set(sentence.split()))
vocab = {tkn: i for i, tkn in enumerate(vocab, 1)}
vocab['<unk>'] = 0
print(vocab)
index_to_word = {v: k for k, v in vocab.items()}


def build_data(sentence, vocab):
    encoded = [vocab[token] for token in sentence.split()]
    input_seq, label_seq = encoded[:-1], encoded[1:]
    return torch.LongTensor(input_seq).unsqueeze(0), torch.LongTensor(label_seq).unsqueeze(0)


X, Y = build_data(sentence, vocab)
print(X, Y, X.shape)


class Net(nn.Module):
    def __init__(self, vocab_size, input_size, hidden_size, batch_first=True):
        super(Net, self).__init__()
        self.embedding_layer = nn.Embedding(num_embeddings=vocab_size, embedding_dim=input_size)
        self.rnn_layer = nn.RNN(input_size, hidden_size, batch_first=batch_first)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, x):
        output = self.embedding_layer(x)
        output, hidden = self.rnn_layer(output)
        output = self.linear(output)
        return output.view(-1, output.size(2))


model = Net(len(vocab), 5, 20)
output = model(X)
print(output.shape)
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(params=model.parameters())
decode = lambda y: [index_to_word.get(x) for x in y]
for step in range(121):
    optimizer.zero_grad()
    output = model(X)
    loss = loss_function(output, Y.view(-1))
    loss.backward()
    optimizer.step()
    if step % 30 == 0:
        pred = output.softmax(-1).argmax(-1).tolist()
        print("[{:02d}/121] {:.4f} ".format(step + 1, loss))
        print("Practice " + " ".join(decode(pred)))
        print()
