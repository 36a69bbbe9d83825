# lab-09-6 batch normalisation: BatchNorm1d between Linear and ReLU, train()/eval() switching, running
# statistics, and a plain network next to it trained the same way.
import torch

torch.manual_seed(1)

X = torch.randn(256, 10) * 3 + 1
true_w = torch.randn(10, 3)
Y = (X @ true_w).argmax(dim=1)
loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(X, Y), batch_size=32, shuffle=True,
                                     drop_last=True)

linear1 = torch.nn.Linear(10, 32, bias=True)
linear2 = torch.nn.Linear(32, 32, bias=True)
linear3 = torch.nn.Linear(32, 3, bias=True)
relu = torch.nn.ReLU()
bn1 = torch.nn.BatchNorm1d(32)
bn2 = torch.nn.BatchNorm1d(32)
nn_linear1 = torch.nn.Linear(10, 32, bias=True)
nn_linear2 = torch.nn.Linear(32, 32, bias=True)
nn_linear3 = torch.nn.Linear(32, 3, bias=True)

bn_model = torch.nn.Sequential(linear1, bn1, relu, linear2, bn2, relu, linear3)
nn_model = torch.nn.Sequential(nn_linear1, relu, nn_linear2, relu, nn_linear3)
print(bn_model)
print(bn1.running_mean[:4], bn1.running_var[:4], bn1.num_batches_tracked)

criterion = torch.nn.CrossEntropyLoss()
bn_optimizer = torch.optim.Adam(bn_model.parameters(), lr=0.01)
nn_optimizer = torch.optim.Adam(nn_model.parameters(), lr=0.01)

for epoch in range(5):
    bn_model.train()
    for xb, yb in loader:
        bn_optimizer.zero_grad()
        bn_loss = criterion(bn_model(xb), yb)
        bn_loss.backward()
        bn_optimizer.step()
        nn_optimizer.zero_grad()
        nn_loss = criterion(nn_model(xb), yb)
        nn_loss.backward()
        nn_optimizer.step()
    with torch.no_grad():
        bn_model.eval()
        bn_acc = (bn_model(X).argmax(1) == Y).float().mean()
        nn_acc = (nn_model(X).argmax(1) == Y).float().mean()
    print('[Epoch %d] bn loss %.5f acc %.5f | nn loss %.5f acc %.5f' % (
        epoch + 1, bn_loss.item(), bn_acc.item(), nn_loss.item(), nn_acc.item()))

print(bn1.running_mean[:4], bn1.running_var[:4], bn1.num_batches_tracked)
print([k for k in bn_model.state_dict().keys()])
bn = torch.nn.BatchNorm1d(3)
x = torch.tensor([[1.0, 2.0, 3.0], [3.0, 6.0, 9.0], [5.0, 4.0, 0.0]])
print(bn(x))
bn.eval()
print(bn(x))
