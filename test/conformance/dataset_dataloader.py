# Datasets and DataLoaders as the tutorials and the Korean book use them: TensorDataset indexing and
# slicing, len, a DataLoader's batches with enumerate(batch_idx, samples), next(iter(...)), drop_last,
# len(loader), a custom Dataset class returning lists as FloatTensors, the default collation of python
# ints and floats, random_split with a seeded generator, a sampler, and the types of these objects.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split

torch.manual_seed(1)

x_train = torch.FloatTensor([[73, 80, 75], [93, 88, 93], [89, 91, 90], [96, 98, 100], [73, 66, 70]])
y_train = torch.FloatTensor([[152], [185], [180], [196], [142]])
dataset = TensorDataset(x_train, y_train)
print(type(dataset))
print(len(dataset))
print(dataset[0])
print(dataset[1:3])
print(dataset.tensors[1].shape)

dataloader = DataLoader(dataset, batch_size=2, shuffle=True)
print(type(dataloader), len(dataloader), dataloader.batch_size)
model = torch.nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-5)
nb_epochs = 20
for epoch in range(nb_epochs + 1):
    for batch_idx, samples in enumerate(dataloader):
        x_batch, y_batch = samples
        prediction = model(x_batch)
        cost = F.mse_loss(prediction, y_batch)
        optimizer.zero_grad()
        cost.backward()
        optimizer.step()
        if epoch % 5 == 0:
            print('Epoch {:4d}/{} Batch {}/{} Cost: {:.6f}'.format(
                epoch, nb_epochs, batch_idx + 1, len(dataloader), cost.item()))
new_var = torch.FloatTensor([[73, 80, 75]])
print("prediction after training:", model(new_var))


class CustomDataset(Dataset):
    def __init__(self):
        self.x_data = [[73, 80, 75], [93, 88, 93], [89, 91, 90], [96, 98, 100], [73, 66, 70]]
        self.y_data = [[152], [185], [180], [196], [142]]

    def __len__(self):
        return len(self.x_data)

    def __getitem__(self, idx):
        x = torch.FloatTensor(self.x_data[idx])
        y = torch.FloatTensor(self.y_data[idx])
        return x, y


custom = CustomDataset()
loader = DataLoader(custom, batch_size=2, shuffle=False)
for x, y in loader:
    print(x, y)
print(next(iter(DataLoader(custom, batch_size=3, shuffle=True))))


class PairDataset(Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return [i * 0.5, i * 1.5], i % 3, float(i) / 4


batches = list(DataLoader(PairDataset(7), batch_size=3))
print(len(batches))
print(batches[0])
print(batches[0][1].dtype, batches[0][2].dtype)

loader = DataLoader(TensorDataset(torch.arange(10.0).view(10, 1), torch.arange(10)), batch_size=4, drop_last=True)
print(len(loader), [yb.tolist() for _, yb in loader])
loader = DataLoader(TensorDataset(torch.arange(10.0).view(10, 1), torch.arange(10)), batch_size=4, shuffle=True)
for epoch in range(2):
    print(epoch, [yb.tolist() for _, yb in loader])

full = TensorDataset(torch.randn(10, 2), torch.arange(10))
train_set, val_set = random_split(full, [8, 2], generator=torch.Generator().manual_seed(42))
print(len(train_set), len(val_set), type(train_set).__name__)
print(train_set.indices, val_set.indices)
print(val_set[0][1])

sampler = torch.utils.data.SequentialSampler(range(5))
print(list(sampler))
rs = torch.utils.data.RandomSampler(range(5))
print(sorted(list(rs)))
loader = DataLoader(full, batch_size=5, sampler=torch.utils.data.SubsetRandomSampler([0, 2, 4, 6, 8]))
for xb, yb in loader:
    print(sorted(yb.tolist()))

X, y = next(iter(DataLoader(TensorDataset(torch.randn(6, 2), torch.tensor([0, 1, 0, 1, 1, 0])), batch_size=4)))
print(X.shape, y)
for i, (xb, yb) in enumerate(DataLoader(full, batch_size=4)):
    print(i, xb.shape, yb)
