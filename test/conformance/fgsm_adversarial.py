# PyTorch "Adversarial Example Generation" (fgsm_tutorial.py) idioms on a small synthetic digit-like task:
# epsilons = [0, .05, .1, .15, .2, .25, .3], a LeNet-style Net with nn.Dropout / nn.Dropout2d layers and
# F.log_softmax(x, dim=1), trained briefly first (the tutorial loads pretrained weights), model.eval(),
# fgsm_attack(image, epsilon, data_grad) with data_grad.sign(), image + epsilon * sign_data_grad and
# torch.clamp(perturbed_image, 0, 1), the newer tutorial's denorm(batch, mean=[0.1307], std=[0.3081]) with
# torch.tensor(mean).view(1, -1, 1, 1) and transforms.Normalize done by hand, test(model, device,
# test_loader, epsilon) with data.requires_grad = True, init_pred = output.max(1, keepdim=True)[1],
# init_pred.item() != target.item(), F.nll_loss, model.zero_grad(), data_grad = data.grad.data,
# final_pred, adv_ex = perturbed_data.squeeze().detach().cpu().numpy() kept in adv_examples, the
# "Epsilon: {}\tTest Accuracy = {} / {} = {}" line, and accuracies collected per epsilon.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset

epsilons = [0, .05, .1, .15, .2, .25, .3]
use_cuda = True
torch.manual_seed(42)
device = torch.device("cuda" if use_cuda and torch.cuda.is_available() else "cpu")
print("CUDA Available: ", torch.cuda.is_available())


def make_digits(n):
    """Class 0: a vertical bar; class 1: a horizontal bar; class 2: a diagonal; on 14x14 noise."""
    y = torch.randint(0, 3, (n,))
    x = torch.rand(n, 1, 14, 14) * 0.2
    idx = torch.arange(14)
    for k in range(n):
        if y[k] == 0:
            x[k, 0, :, 6:8] = 1.0
        elif y[k] == 1:
            x[k, 0, 6:8, :] = 1.0
        else:
            x[k, 0, idx, idx] = 1.0
    return x, y


mean, std = 0.1307, 0.3081
train_x, train_y = make_digits(96)
test_x, test_y = make_digits(24)
normalize = lambda t: (t - mean) / std
train_loader = DataLoader(TensorDataset(normalize(train_x), train_y), batch_size=16, shuffle=True)
test_loader = DataLoader(TensorDataset(normalize(test_x), test_y), batch_size=1, shuffle=True)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 8, kernel_size=3)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(16 * 2 * 2, 20)
        self.fc2 = nn.Linear(20, 3)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 16 * 2 * 2)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


model = Net().to(device)
print(model)
optimizer = optim.Adam(model.parameters(), lr=0.01)
for epoch in range(1, 6):
    model.train()
    for data, target in train_loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), target)
        loss.backward()
        optimizer.step()
    print(f'epoch {epoch} loss {loss.item():.4f}')
model.eval()


def fgsm_attack(image, epsilon, data_grad):
    sign_data_grad = data_grad.sign()
    perturbed_image = image + epsilon * sign_data_grad
    perturbed_image = torch.clamp(perturbed_image, 0, 1)
    return perturbed_image


def denorm(batch, mean=[0.1307], std=[0.3081]):
    if isinstance(mean, list):
        mean = torch.tensor(mean).to(device)
    if isinstance(std, list):
        std = torch.tensor(std).to(device)
    return batch * std.view(1, -1, 1, 1) + mean.view(1, -1, 1, 1)


def test(model, device, test_loader, epsilon):
    correct = 0
    adv_examples = []
    for data, target in test_loader:
        data, target = data.to(device), target.to(device)
        data.requires_grad = True
        output = model(data)
        init_pred = output.max(1, keepdim=True)[1]
        if init_pred.item() != target.item():
            continue
        loss = F.nll_loss(output, target)
        model.zero_grad()
        loss.backward()
        data_grad = data.grad.data
        data_denorm = denorm(data)
        perturbed_data = fgsm_attack(data_denorm, epsilon, data_grad)
        perturbed_data_normalized = (perturbed_data - mean) / std
        output = model(perturbed_data_normalized)
        final_pred = output.max(1, keepdim=True)[1]
        if final_pred.item() == target.item():
            correct += 1
            if epsilon == 0 and len(adv_examples) < 2:
                adv_ex = perturbed_data.squeeze().detach().cpu().numpy()
                adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
        else:
            if len(adv_examples) < 2:
                adv_ex = perturbed_data.squeeze().detach().cpu().numpy()
                adv_examples.append((init_pred.item(), final_pred.item(), adv_ex))
    final_acc = correct / float(len(test_loader))
    print("Epsilon: {}\tTest Accuracy = {} / {} = {}".format(epsilon, correct, len(test_loader), final_acc))
    return final_acc, adv_examples


accuracies = []
examples = []
for eps in epsilons:
    acc, ex = test(model, device, test_loader, eps)
    accuracies.append(acc)
    examples.append(ex)
print(accuracies)
for i in range(len(epsilons)):
    for j in range(len(examples[i])):
        orig, adv, ex = examples[i][j]
        print(f'eps {epsilons[i]}: {orig} -> {adv}', ex.shape, ex.dtype, f'{ex.mean():.4f}')

# One image by hand: the gradient's sign and the clamped perturbation.
x = normalize(test_x[:1]).clone().requires_grad_(True)
out = model(x)
loss = F.nll_loss(out, test_y[:1])
loss.backward()
print(out.exp(), loss.grad_fn.name())
print(x.grad.sign()[0, 0, :3, :6])
adv = fgsm_attack(denorm(x.detach()), 0.1, x.grad)
print(adv[0, 0, :3, :6])
print(adv.min().item(), adv.max().item(), (adv - denorm(x.detach())).abs().max())
print(torch.sign(torch.tensor([-2.0, 0.0, 3.0, -0.0])))
