# lab-09 (relu, xavier, deep, dropout) on a small synthetic problem instead of MNIST: layers built one by
# one, torch.nn.init.xavier_uniform_/normal_/kaiming, Dropout switched by train()/eval(), Adam, avg_cost
# accumulated as a tensor and printed with '{:.9f}'.format, argmax accuracy.
import random

import torch

random.seed(777)
torch.manual_seed(777)

n_in, n_classes = 16, 4
centers = torch.randn(n_classes, n_in) * 2
labels = torch.randint(0, n_classes, (512,))
inputs = centers[labels] + torch.randn(512, n_in)
test_labels = torch.randint(0, n_classes, (128,))
test_inputs = centers[test_labels] + torch.randn(128, n_in)

learning_rate = 0.001
training_epochs = 5
batch_size = 64
data_loader = torch.utils.data.DataLoader(dataset=torch.utils.data.TensorDataset(inputs, labels),
                                          batch_size=batch_size, shuffle=True, drop_last=True)

linear1 = torch.nn.Linear(n_in, 32, bias=True)
linear2 = torch.nn.Linear(32, 32, bias=True)
linear3 = torch.nn.Linear(32, n_classes, bias=True)
relu = torch.nn.ReLU()
dropout = torch.nn.Dropout(p=0.3)

torch.nn.init.xavier_uniform_(linear1.weight)
torch.nn.init.xavier_uniform_(linear2.weight)
torch.nn.init.xavier_uniform_(linear3.weight)
print(linear1.weight[0, :4])
print(linear3.weight.std().item())

model = torch.nn.Sequential(linear1, relu, dropout, linear2, relu, dropout, linear3)
print(model)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)

total_batch = len(data_loader)
print('total_batch', total_batch)
model.train()
for epoch in range(training_epochs):
    avg_cost = 0
    for X, Y in data_loader:
        X = X.view(-1, n_in)
        optimizer.zero_grad()
        hypothesis = model(X)
        cost = criterion(hypothesis, Y)
        cost.backward()
        optimizer.step()
        avg_cost += cost / total_batch
    print('Epoch:', '%04d' % (epoch + 1), 'cost =', '{:.9f}'.format(avg_cost))
print('Learning finished')

with torch.no_grad():
    model.eval()
    prediction = model(test_inputs)
    correct_prediction = torch.argmax(prediction, 1) == test_labels
    accuracy = correct_prediction.float().mean()
    print('Accuracy:', accuracy.item())
    r = random.randint(0, len(test_inputs) - 1)
    print('Label: ', test_labels[r:r + 1].item())
    print('Prediction: ', torch.argmax(model(test_inputs[r:r + 1]), 1).item())

# Dropout in train vs eval mode
drop = torch.nn.Dropout(0.5)
x = torch.ones(2, 8)
print(drop(x))
drop.eval()
print(drop(x))
print(drop.training, model.training)

# Other initialisers
layer = torch.nn.Linear(8, 4)
torch.nn.init.normal_(layer.weight, mean=0.0, std=0.01)
torch.nn.init.zeros_(layer.bias)
print(layer.weight.abs().max().item() < 0.05, layer.bias)
torch.nn.init.kaiming_uniform_(layer.weight, nonlinearity='relu')
print(layer.weight[0])
torch.nn.init.kaiming_normal_(layer.weight)
print(layer.weight[1])
torch.nn.init.xavier_normal_(layer.weight)
print(layer.weight[2])
torch.nn.init.constant_(layer.bias, 0.1)
torch.nn.init.uniform_(layer.weight, -0.1, 0.1)
print(layer.weight[3], layer.bias)
