# XOR (lab-08, wikidocs 06-03/06-04): a single-layer perceptron that cannot learn it, then two layers with
# sigmoid and BCELoss, then a wide and deep stack; the device idiom; accuracy from a 0.5 threshold.
import torch

device = 'cuda' if torch.cuda.is_available() else 'cpu'
torch.manual_seed(777)
if device == 'cuda':
    torch.cuda.manual_seed_all(777)
print(device)

X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]]).to(device)
Y = torch.FloatTensor([[0], [1], [1], [0]]).to(device)

linear = torch.nn.Linear(2, 1, bias=True)
sigmoid = torch.nn.Sigmoid()
model = torch.nn.Sequential(linear, sigmoid).to(device)
criterion = torch.nn.BCELoss().to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for step in range(1001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 200 == 0:
        print(step, cost.item())

with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print('\nHypothesis: ', hypothesis.detach().cpu(), '\nCorrect: ', predicted.detach().cpu(),
          '\nAccuracy: ', accuracy.item())

linear1 = torch.nn.Linear(2, 2, bias=True)
linear2 = torch.nn.Linear(2, 1, bias=True)
model = torch.nn.Sequential(linear1, sigmoid, linear2, sigmoid).to(device)
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for step in range(5001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 500 == 0:
        print(step, cost.item())

with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print('\nHypothesis: ', hypothesis.detach().cpu(), '\nCorrect: ', predicted.detach().cpu(),
          '\nAccuracy: ', accuracy.item())

model = torch.nn.Sequential(
    torch.nn.Linear(2, 10, bias=True), torch.nn.Sigmoid(),
    torch.nn.Linear(10, 10, bias=True), torch.nn.Sigmoid(),
    torch.nn.Linear(10, 10, bias=True), torch.nn.Sigmoid(),
    torch.nn.Linear(10, 1, bias=True), torch.nn.Sigmoid(),
).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1)
for step in range(3001):
    optimizer.zero_grad()
    hypothesis = model(X)
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 500 == 0:
        print(step, cost.item())
with torch.no_grad():
    hypothesis = model(X)
    print(hypothesis.squeeze(), ((hypothesis > 0.5).float() == Y).float().mean().item())
print(sum(p.numel() for p in model.parameters()))
