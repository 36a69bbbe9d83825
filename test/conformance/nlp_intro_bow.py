# Idioms: the NLP tutorial's tensor intro (3-D `torch.tensor` data, `torch.cat` along rows and columns,
# the cat size error, `view(2, 12)`, `view(2, -1)`, `z.grad_fn`, `s.backward()` then `x.grad`,
# `requires_grad_()` on a product, `.detach()` under `torch.no_grad()`), an affine map `nn.Linear(5, 3)`,
# `F.relu`, `F.softmax(data, dim=0)` and `F.log_softmax`, and the bag-of-words classifier
# (`make_bow_vector`, `make_target`, log probs before and after training, a word's weight column).
# Seen in: PyTorch beginner_source/nlp/pytorch_tutorial.py and deep_learning_tutorial.py (PT-nlp);
# Korean tutorials.pytorch.kr "PyTorch를 이용한 딥러닝".
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)
T_data = [[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]
T = torch.tensor(T_data)
print(T)
print(T[0], T[0][0][1])
x_1 = torch.randn(2, 5)
y_1 = torch.randn(3, 5)
print(torch.cat([x_1, y_1]).shape)
x_2 = torch.randn(2, 3)
y_2 = torch.randn(2, 5)
print(torch.cat([x_2, y_2], 1))
try:
    torch.cat([x_2, y_2])
except RuntimeError as e:
    print('RuntimeError:', e)
x = torch.randn(2, 3, 4)
print(x.view(2, 12))
print(x.view(2, -1).shape)

x = torch.tensor([1.0, 2.0, 3], requires_grad=True)
y = torch.tensor([4.0, 5.0, 6], requires_grad=True)
z = x + y
print(z)
print(z.grad_fn.name())
s = z.sum()
print(s, s.grad_fn.name())
s.backward()
print(x.grad)
x = torch.randn(2, 2)
y = torch.randn(2, 2)
print(x.requires_grad, y.requires_grad)
z = x + y
print(z.grad_fn)
x = x.requires_grad_()
y = y.requires_grad_()
z = x + y
print(z.grad_fn.name(), z.requires_grad)
new_z = z.detach()
print(new_z.grad_fn)
print(x.requires_grad, (x**2).requires_grad)
with torch.no_grad():
    print((x**2).requires_grad)

lin = nn.Linear(5, 3)
data = torch.randn(2, 5)
print(lin(data))
data = torch.randn(2, 2)
print(data, F.relu(data))
data = torch.randn(5)
print(F.softmax(data, dim=0), F.softmax(data, dim=0).sum(), F.log_softmax(data, dim=0))

train = [
    ('me gusta comer en la cafeteria'.split(), 'SPANISH'),
    ('Give it to me'.split(), 'ENGLISH'),
    ('No creo que sea una buena idea'.split(), 'SPANISH'),
    ('No it is not a good idea to get lost at sea'.split(), 'ENGLISH'),
]
test = [('Yo creo que si'.split(), 'SPANISH'), ('it is lost on me'.split(), 'ENGLISH')]
word_to_ix = {}
for sent, _ in train + test:
    for word in sent:
        if word not in word_to_ix:
            word_to_ix[word] = len(word_to_ix)
label_to_ix = {'SPANISH': 0, 'ENGLISH': 1}


class BoWClassifier(nn.Module):
    def __init__(self, num_labels, vocab_size):
        super(BoWClassifier, self).__init__()
        self.linear = nn.Linear(vocab_size, num_labels)

    def forward(self, bow_vec):
        return F.log_softmax(self.linear(bow_vec), dim=1)


def make_bow_vector(sentence, word_to_ix):
    vec = torch.zeros(len(word_to_ix))
    for word in sentence:
        vec[word_to_ix[word]] += 1
    return vec.view(1, -1)


def make_target(label, label_to_ix):
    return torch.LongTensor([label_to_ix[label]])


model = BoWClassifier(2, len(word_to_ix))
for param in model.parameters():
    print(param.shape)
with torch.no_grad():
    print(model(make_bow_vector(train[0][0], word_to_ix)))
    for instance, label in test:
        print(model(make_bow_vector(instance, word_to_ix)))
print(next(model.parameters())[:, word_to_ix['creo']])
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(100):
    for instance, label in train:
        model.zero_grad()
        loss = loss_function(model(make_bow_vector(instance, word_to_ix)), make_target(label, label_to_ix))
        loss.backward()
        optimizer.step()
with torch.no_grad():
    for instance, label in test:
        print(model(make_bow_vector(instance, word_to_ix)))
print(next(model.parameters())[:, word_to_ix['creo']])
