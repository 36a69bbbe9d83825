# wikidocs "PyTorch로 시작하는 딥 러닝 입문" 03-07 style: a custom Dataset class whose __getitem__ returns
# tensors, a DataLoader with shuffle=True after torch.manual_seed, an nn.Module regression model trained
# in minibatches with the book's Korean progress lines, then predicting for a new input; a second
# Dataset returning (features, label) pairs for a classifier, iterated with enumerate and counted with len.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset, DataLoader

torch.manual_seed(1)


class CustomDataset(Dataset):
    def __init__(self):
        self.x_data = [[73, 80, 75], [93, 88, 93], [89, 91, 90], [96, 98, 100], [73, 66, 70]]
        self.y_data = [[152], [185], [180], [196], [142]]

    # 총 데이터의 개수를 리턴
    def __len__(self):
        return len(self.x_data)

    # 인덱스를 입력받아 그에 맵핑되는 입출력 데이터를 파이토치의 Tensor 형태로 리턴
    def __getitem__(self, idx):
        x = torch.FloatTensor(self.x_data[idx])
        y = torch.FloatTensor(self.y_data[idx])
        return x, y


dataset = CustomDataset()
print(len(dataset), dataset[0])
dataloader = DataLoader(dataset, batch_size=2, shuffle=True)
print(len(dataloader))


class MultivariateLinearRegressionModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 1)

    def forward(self, x):
        return self.linear(x)


model = MultivariateLinearRegressionModel()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)

nb_epochs = 20
for epoch in range(nb_epochs + 1):
    for batch_idx, samples in enumerate(dataloader):
        x_train, y_train = samples
        prediction = model(x_train)
        cost = F.mse_loss(prediction, y_train)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        if epoch % 5 == 0:
            print('Epoch {:4d}/{} Batch {}/{} Cost: {:.4f}'.format(
                epoch, nb_epochs, batch_idx + 1, len(dataloader), cost.item()))

# 임의의 입력 [73, 80, 75]를 선언
new_var = torch.FloatTensor([[73, 80, 75]])
pred_y = model(new_var)
print("훈련 후 입력이 73, 80, 75일 때의 예측값 :", pred_y)
print(list(model.parameters()))


class PairDataset(Dataset):
    def __init__(self, n):
        g = torch.Generator().manual_seed(0)
        self.x = torch.randn(n, 2, generator=g)
        self.y = (self.x[:, 0] * self.x[:, 1] > 0).long()

    def __len__(self):
        return self.x.shape[0]

    def __getitem__(self, i):
        return self.x[i], self.y[i]


class Classifier(nn.Module):
    def __init__(self):
        super(Classifier, self).__init__()
        self.fc1 = nn.Linear(2, 16)
        self.fc2 = nn.Linear(16, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


train = PairDataset(40)
loader = DataLoader(train, batch_size=8, shuffle=True)
xb, yb = next(iter(loader))
print(xb.shape, yb.shape, yb.dtype, yb)
clf = Classifier()
opt = torch.optim.Adam(clf.parameters(), lr=0.05)
criterion = nn.CrossEntropyLoss()
for epoch in range(1, 31):
    total, correct, seen = 0.0, 0, 0
    for xb, yb in loader:
        out = clf(xb)
        loss = criterion(out, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
        correct += (out.argmax(dim=1) == yb).sum().item()
        seen += len(xb)
    if epoch % 10 == 0:
        print(f'epoch {epoch:2d}  loss {total / seen:.3f}  acc {correct / seen:.2f}  ({seen}/{len(loader.dataset)})')
clf.eval()
with torch.no_grad():
    print(clf(torch.tensor([[1.0, 1.0], [-1.0, 1.0]])).argmax(1))
