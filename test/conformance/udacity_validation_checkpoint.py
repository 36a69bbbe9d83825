# Udacity "Intro to Deep Learning with PyTorch" (udacity/deep-learning-v2-pytorch, intro-to-pytorch Parts 5, 6
# and 8) on a generated stand-in for Fashion-MNIST (28x28, a bright patch whose place gives the class):
# the dropout `Classifier` with `x.view(x.shape[0], -1)` and F.log_softmax, `ps = torch.exp(model(images))`,
# `top_p, top_class = ps.topk(1, dim=1)`, the broadcasting slip `top_class == labels` next to
# `labels.view(*top_class.shape)`, `torch.mean(equals)` on bools failing and
# `torch.mean(equals.type(torch.FloatTensor))`, the train/validation loop with `model.eval()` under
# torch.no_grad() and `model.train()`, the training-loop `for ... else`; Part 6's fc_model-style Network
# (a ModuleList of hidden layers from a list of sizes), `state_dict().keys()`, torch.save/torch.load of the
# state dict and of a checkpoint dict with the layer sizes, `load_state_dict` printing
# `<All keys matched successfully>` and its size-mismatch error; Part 8's frozen feature extractor with a new
# `classifier` of an OrderedDict, Adam over `model.classifier.parameters()` and the `print_every` loop.
import os
import tempfile
from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn, optim

torch.manual_seed(11)


def make_set(n):
    labels = torch.randint(0, 10, (n,))
    images = 0.3 * torch.randn(n, 1, 28, 28)
    for i, label in enumerate(labels.tolist()):
        row, col = divmod(label, 5)
        images[i, 0, 4 + 10 * row : 12 + 10 * row, 1 + 5 * col : 6 + 5 * col] += 1.0
    return torch.utils.data.TensorDataset((images - 0.5) / 0.5, labels)


trainset = make_set(384)
testset = make_set(128)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=64, shuffle=True)
testloader = torch.utils.data.DataLoader(testset, batch_size=64, shuffle=True)


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 128)
        self.fc3 = nn.Linear(128, 64)
        self.fc4 = nn.Linear(64, 10)
        self.dropout = nn.Dropout(p=0.2)

    def forward(self, x):
        x = x.view(x.shape[0], -1)
        x = self.dropout(F.relu(self.fc1(x)))
        x = self.dropout(F.relu(self.fc2(x)))
        x = self.dropout(F.relu(self.fc3(x)))
        x = F.log_softmax(self.fc4(x), dim=1)
        return x


# Part 5: accuracy of an untrained model on one batch
model = Classifier()
images, labels = next(iter(testloader))
ps = torch.exp(model(images))
print(ps.shape)
top_p, top_class = ps.topk(1, dim=1)
print(top_class[:10, :])
print(top_p.shape, top_p.dtype, top_class.dtype)
wrong = top_class == labels
print("top_class == labels:", wrong.shape)
equals = top_class == labels.view(*top_class.shape)
print(equals.shape, equals.dtype)
try:
    accuracy = torch.mean(equals)
except RuntimeError as e:
    print("RuntimeError:", e)
accuracy = torch.mean(equals.type(torch.FloatTensor))
print(f'Accuracy: {accuracy.item()*100}%')
print(equals.type(torch.FloatTensor).dtype, equals.type('torch.FloatTensor').type(), equals.float().mean())

criterion = nn.NLLLoss()
optimizer = optim.Adam(model.parameters(), lr=0.003)
epochs = 3
steps = 0
train_losses, test_losses = [], []
for e in range(epochs):
    running_loss = 0
    for images, labels in trainloader:
        optimizer.zero_grad()
        log_ps = model(images)
        loss = criterion(log_ps, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    else:
        test_loss = 0
        accuracy = 0
        with torch.no_grad():
            model.eval()
            for images, labels in testloader:
                log_ps = model(images)
                test_loss += criterion(log_ps, labels)
                ps = torch.exp(log_ps)
                top_p, top_class = ps.topk(1, dim=1)
                equals = top_class == labels.view(*top_class.shape)
                accuracy += torch.mean(equals.type(torch.FloatTensor))
        model.train()
        train_losses.append(running_loss / len(trainloader))
        test_losses.append(test_loss / len(testloader))
        print("Epoch: {}/{}.. ".format(e + 1, epochs),
              "Training Loss: {:.3f}.. ".format(train_losses[-1]),
              "Test Loss: {:.3f}.. ".format(test_losses[-1]),
              "Test Accuracy: {:.3f}".format(accuracy / len(testloader)))
print(type(test_losses[0]).__name__, test_losses[0].requires_grad, model.training)

model.eval()
images, labels = next(iter(testloader))
img = images[0].view(1, 784)
with torch.no_grad():
    output = model.forward(img)
ps = torch.exp(output)
print(ps.shape, ps.max(1)[1] == labels[0])
model.train()


# Part 6: a network built from a list of hidden sizes, saved and loaded
class Network(nn.Module):
    def __init__(self, input_size, output_size, hidden_layers, drop_p=0.5):
        super().__init__()
        self.hidden_layers = nn.ModuleList([nn.Linear(input_size, hidden_layers[0])])
        layer_sizes = zip(hidden_layers[:-1], hidden_layers[1:])
        self.hidden_layers.extend([nn.Linear(h1, h2) for h1, h2 in layer_sizes])
        self.output = nn.Linear(hidden_layers[-1], output_size)
        self.dropout = nn.Dropout(p=drop_p)

    def forward(self, x):
        for each in self.hidden_layers:
            x = F.relu(each(x))
            x = self.dropout(x)
        x = self.output(x)
        return F.log_softmax(x, dim=1)


def validation(model, testloader, criterion):
    accuracy = 0
    test_loss = 0
    for images, labels in testloader:
        images = images.resize_(images.size()[0], 784)
        output = model.forward(images)
        test_loss += criterion(output, labels).item()
        ps = torch.exp(output)
        equality = (labels.data == ps.max(1)[1])
        accuracy += equality.type_as(torch.FloatTensor()).mean()
    return test_loss, accuracy


def train(model, trainloader, testloader, criterion, optimizer, epochs=5, print_every=40):
    steps = 0
    running_loss = 0
    for e in range(epochs):
        model.train()
        for images, labels in trainloader:
            steps += 1
            images.resize_(images.size()[0], 784)
            optimizer.zero_grad()
            output = model.forward(images)
            loss = criterion(output, labels)
            loss.backward()
            optimizer.step()
            running_loss += loss.item()
            if steps % print_every == 0:
                model.eval()
                with torch.no_grad():
                    test_loss, accuracy = validation(model, testloader, criterion)
                print("Epoch: {}/{}.. ".format(e + 1, epochs),
                      "Training Loss: {:.3f}.. ".format(running_loss / print_every),
                      "Test Loss: {:.3f}.. ".format(test_loss / len(testloader)),
                      "Test Accuracy: {:.3f}".format(accuracy / len(testloader)))
                running_loss = 0
                model.train()


model = Network(784, 10, [128, 64, 32])
criterion = nn.NLLLoss()
optimizer = optim.Adam(model.parameters(), lr=0.001)
train(model, trainloader, testloader, criterion, optimizer, epochs=2, print_every=4)
print("Our model: \n\n", model, '\n')
print("The state dict keys: \n\n", model.state_dict().keys())

folder = tempfile.mkdtemp()
path = os.path.join(folder, 'checkpoint.pth')
torch.save(model.state_dict(), path)
state_dict = torch.load(path)
print(state_dict.keys())
print(model.load_state_dict(state_dict))

model = Network(784, 10, [100, 50, 25])
try:
    model.load_state_dict(state_dict)
except RuntimeError as e:
    print("RuntimeError:", e)
model = Network(784, 10, [128, 64])
try:
    model.load_state_dict(state_dict)
except RuntimeError as e:
    print("RuntimeError:", e)

model = Network(784, 10, [128, 64, 32])
print(model.load_state_dict({k: v for k, v in state_dict.items() if not k.startswith('output')}, strict=False))
model.load_state_dict(state_dict)
checkpoint = {'input_size': 784,
              'output_size': 10,
              'hidden_layers': [each.out_features for each in model.hidden_layers],
              'state_dict': model.state_dict()}
torch.save(checkpoint, path)


def load_checkpoint(filepath):
    checkpoint = torch.load(filepath)
    model = Network(checkpoint['input_size'],
                    checkpoint['output_size'],
                    checkpoint['hidden_layers'])
    model.load_state_dict(checkpoint['state_dict'])
    return model


model = load_checkpoint(path)
print(model)
print(checkpoint['hidden_layers'], sorted(checkpoint))
model.eval()
with torch.no_grad():
    before = validation(model, testloader, criterion)
print("reloaded: {:.3f} {:.3f}".format(before[0] / len(testloader), before[1] / len(testloader)))
os.remove(path)
os.rmdir(folder)


# Part 8: a frozen "pretrained" feature extractor with a new classifier
class Pretrained(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(4))
        self.classifier = nn.Linear(196, 1000)

    def forward(self, x):
        x = self.features(x)
        x = torch.flatten(x, 1)
        return self.classifier(x)


model = Pretrained()
print(model.classifier)
for param in model.parameters():
    param.requires_grad = False
classifier = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(196, 64)),
    ('relu', nn.ReLU()),
    ('fc2', nn.Linear(64, 10)),
    ('output', nn.LogSoftmax(dim=1))]))
model.classifier = classifier
print(model)
print([name for name, p in model.named_parameters() if p.requires_grad])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
criterion = nn.NLLLoss()
optimizer = optim.Adam(model.classifier.parameters(), lr=0.003)
model.to(device)
print(device, len(optimizer.param_groups[0]['params']))

epochs = 1
steps = 0
running_loss = 0
print_every = 3
for epoch in range(epochs):
    for inputs, labels in trainloader:
        steps += 1
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        logps = model.forward(inputs)
        loss = criterion(logps, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if steps % print_every == 0:
            test_loss = 0
            accuracy = 0
            model.eval()
            with torch.no_grad():
                for inputs, labels in testloader:
                    inputs, labels = inputs.to(device), labels.to(device)
                    logps = model.forward(inputs)
                    batch_loss = criterion(logps, labels)
                    test_loss += batch_loss.item()
                    ps = torch.exp(logps)
                    top_p, top_class = ps.topk(1, dim=1)
                    equals = top_class == labels.view(*top_class.shape)
                    accuracy += torch.mean(equals.type(torch.FloatTensor)).item()
            print(f"Epoch {epoch+1}/{epochs}.. "
                  f"Train loss: {running_loss/print_every:.3f}.. "
                  f"Test loss: {test_loss/len(testloader):.3f}.. "
                  f"Test accuracy: {accuracy/len(testloader):.3f}")
            running_loss = 0
            model.train()
print(model.features[0].weight.grad, model.classifier.fc1.weight.grad.shape)
