# Simple linear regression the way the Korean courses teach it (lab-02/lab-03 and wikidocs 03-02): a
# zero-initialised W and b, the cost written out by hand, a gradient computed by hand, then the same with
# optim.SGD, logging with str.format.
import torch
import torch.optim as optim

torch.manual_seed(1)

x_train = torch.FloatTensor([[1], [2], [3]])
y_train = torch.FloatTensor([[2], [4], [6]])
print(x_train)
print(x_train.shape)

# The cost for a few fixed W, as a list of floats
for W in [-1.0, 0.0, 1.0, 2.0, 3.0]:
    hypothesis = W * x_train
    cost = torch.mean((hypothesis - y_train) ** 2)
    print('W = {:4.1f} cost = {:.4f}'.format(W, cost.item()))

# Gradient descent with a hand-written gradient
W = torch.zeros(1)
lr = 0.1
nb_epochs = 10
for epoch in range(nb_epochs + 1):
    hypothesis = x_train * W
    cost = torch.mean((hypothesis - y_train) ** 2)
    gradient = torch.sum((W * x_train - y_train) * x_train)
    print('Epoch {:4d}/{} W: {:.3f}, Cost: {:.6f}'.format(epoch, nb_epochs, W.item(), cost.item()))
    W -= lr * gradient / len(x_train)

# A python number minus a tensor gradient becomes a tensor
W = 0
gradient = torch.sum((W * x_train - y_train) * x_train)
print(gradient)
W -= 0.1 * gradient
print(W)

# Now with autograd and an optimizer
W = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
print(W, b)
optimizer = optim.SGD([W, b], lr=0.01)
hypothesis = x_train * W + b
print(hypothesis)
cost = torch.mean((hypothesis - y_train) ** 2)
print(cost)

nb_epochs = 2000
for epoch in range(nb_epochs + 1):
    hypothesis = x_train * W + b
    cost = torch.mean((hypothesis - y_train) ** 2)
    optimizer.zero_grad()
    cost.backward()
    optimizer.step()
    if epoch % 100 == 0:
        print('Epoch {:4d}/{} W: {:.3f}, b: {:.3f} Cost: {:.6f}'.format(
            epoch, nb_epochs, W.item(), b.item(), cost.item()))

# optimizer.zero_grad() matters: gradients accumulate otherwise
w = torch.tensor(2.0, requires_grad=True)
for epoch in range(3):
    z = 2 * w
    z.backward()
    print('derivative of z with respect to w : {}'.format(w.grad))
