# 모두를 위한 딥러닝 시즌2 lab-09 on synthetic MNIST-shaped data (784 features, 10 classes, made here): the
# same deep MLP with Sigmoid and with ReLU (gradient norms per layer printed), torch.nn.init.normal_ vs
# torch.nn.init.xavier_uniform_ on every Linear weight, the lab's 'Epoch:', '%04d' % (epoch + 1), 'cost ='
# line (its '{:.9f}' printed here as '{:.4}': the huge costs of normal init drift in the last float32 bits),
# accuracy with torch.argmax(prediction, 1) == Y_test; then wikidocs' overfitting chapter: a Dropout(p=0.3)
# model whose train and eval outputs differ, and weight_decay in the optimizer.
import random

import torch
import torch.nn as nn

device = 'cuda' if torch.cuda.is_available() else 'cpu'
random.seed(777)
torch.manual_seed(777)
if device == 'cuda':
    torch.cuda.manual_seed_all(777)

learning_rate = 0.01
training_epochs = 4
batch_size = 50

# Ten class prototypes in 784-d space, samples scattered around them, pixel-like values in [0, 1].
prototypes = torch.rand(10, 784)
Y_all = torch.randint(0, 10, (400,))
X_all = (prototypes[Y_all] + 0.6 * torch.randn(400, 784)).clamp(0, 1)
X_train, Y_train = X_all[:300], Y_all[:300]
X_test, Y_test = X_all[300:], Y_all[300:]
print(X_train.shape, X_train.min().item(), X_train.max().item(), Y_train[:10])
data_loader = torch.utils.data.DataLoader(dataset=torch.utils.data.TensorDataset(X_train, Y_train),
                                          batch_size=batch_size, shuffle=True, drop_last=True)
total_batch = len(data_loader)
print('total_batch', total_batch)


def make_model(activation, init):
    linear1 = torch.nn.Linear(784, 64, bias=True)
    linear2 = torch.nn.Linear(64, 64, bias=True)
    linear3 = torch.nn.Linear(64, 64, bias=True)
    linear4 = torch.nn.Linear(64, 10, bias=True)
    for layer in [linear1, linear2, linear3, linear4]:
        if init == 'xavier':
            torch.nn.init.xavier_uniform_(layer.weight)
        else:
            torch.nn.init.normal_(layer.weight)
    return torch.nn.Sequential(linear1, activation(), linear2, activation(), linear3, activation(),
                               linear4).to(device)


def grad_norms(model):
    X, Y = X_train[:100], Y_train[:100]
    model.zero_grad()
    torch.nn.CrossEntropyLoss()(model(X), Y).backward()
    return ' '.join(f'{m.weight.grad.norm().item():.2e}' for m in model if isinstance(m, nn.Linear))


def train(model):
    criterion = torch.nn.CrossEntropyLoss().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    for epoch in range(training_epochs):
        avg_cost = 0
        for X, Y in data_loader:
            X = X.view(-1, 28 * 28).to(device)
            Y = Y.to(device)
            optimizer.zero_grad()
            hypothesis = model(X)
            cost = criterion(hypothesis, Y)
            cost.backward()
            optimizer.step()
            avg_cost += cost / total_batch
        print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.4}'.format(avg_cost))
    print('Learning finished')
    with torch.no_grad():
        prediction = model(X_test.to(device))
        correct_prediction = torch.argmax(prediction, 1) == Y_test.to(device)
        accuracy = correct_prediction.float().mean()
        print('Accuracy:', round(accuracy.item(), 2))
        r = random.randint(0, len(X_test) - 1)
        single_prediction = model(X_test[r:r + 1].view(-1, 28 * 28).float().to(device))
        print('Label: ', Y_test[r:r + 1].item(), 'Prediction: ', torch.argmax(single_prediction, 1).item())


for activation, init in [(nn.Sigmoid, 'normal'), (nn.ReLU, 'normal'), (nn.ReLU, 'xavier')]:
    torch.manual_seed(1)
    model = make_model(activation, init)
    print(f'--- {activation.__name__} with {init} init')
    print('grad norms by layer:', grad_norms(model))
    print(model[0].weight.std().item() < 0.1, f'{model[0].weight.abs().max().item():.4f}')
    train(model)

print(torch.nn.init.calculate_gain('relu'), torch.nn.init.calculate_gain('sigmoid'),
      torch.nn.init.calculate_gain('tanh'))
w = torch.empty(64, 784)
torch.nn.init.xavier_uniform_(w, gain=torch.nn.init.calculate_gain('relu'))
print(f'{w.abs().max().item():.4f}', f'{(6 / (64 + 784)) ** 0.5 * 2 ** 0.5:.4f}')

# Dropout as the overfitting chapter uses it: random in train(), identity in eval().
torch.manual_seed(2)
drop_model = nn.Sequential(nn.Linear(784, 64), nn.ReLU(), nn.Dropout(p=0.3), nn.Linear(64, 10))
print(drop_model)
x = X_test[:2]
drop_model.train()
a, b = drop_model(x), drop_model(x)
print(torch.equal(a, b), drop_model[2].training)
drop_model.eval()
c, d = drop_model(x), drop_model(x)
print(torch.equal(c, d), drop_model[2].training)
h = drop_model[1](drop_model[0](x))
drop_model.train()
masked = drop_model[2](h)
kept = masked != 0
print(f'{kept.float().mean().item():.3f}', torch.allclose(masked[kept], h[kept] / 0.7))

optimizer = torch.optim.SGD(drop_model.parameters(), lr=0.1, weight_decay=1e-3)
print(optimizer.param_groups[0]['weight_decay'])
for epoch in range(3):
    drop_model.train()
    for X, Y in data_loader:
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(drop_model(X), Y)
        loss.backward()
        optimizer.step()
    drop_model.eval()
    with torch.no_grad():
        train_acc = (drop_model(X_train).argmax(1) == Y_train).float().mean().item()
        test_acc = (drop_model(X_test).argmax(1) == Y_test).float().mean().item()
    print(f'epoch {epoch + 1} loss {loss.item():.4f} train acc {train_acc:.3f} test acc {test_acc:.3f}')
