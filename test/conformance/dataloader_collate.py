# Dataset/DataLoader habits beyond the basics, from PyTorch's "Datasets & DataLoaders" page, the "Writing
# Custom Datasets" tutorial (samples as dicts: {'image': ..., 'landmarks': ...}) and course notebooks: a
# Dataset returning dicts, strings, tuples of (tensor, int, float) and numpy arrays, the default collation
# of each (dict of stacked tensors, list of strings, float64 tensors), a transform callable applied in
# __getitem__, collate_fn padding variable-length sequences with pad_sequence, random_split by lengths and
# by fractions with a seeded generator, Subset and ConcatDataset, DataLoader(shuffle=True, generator=g)
# repeated with the same seed, a WeightedRandomSampler, drop_last, and len() of each.
import numpy as np
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import (ConcatDataset, DataLoader, Dataset, Subset, TensorDataset,
                              WeightedRandomSampler, random_split)

torch.manual_seed(8)
np.random.seed(8)


class Scale:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, sample):
        sample['image'] = sample['image'] * self.factor
        return sample


class Shapes(Dataset):
    def __init__(self, n, transform=None):
        self.images = torch.randn(n, 2, 2)
        self.names = [f'shape_{i}' for i in range(n)]
        self.points = np.random.rand(n, 3)
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, idx):
        if torch.is_tensor(idx):
            idx = idx.tolist()
        sample = {'image': self.images[idx], 'landmarks': self.points[idx], 'name': self.names[idx], 'label': idx % 3}
        if self.transform:
            sample = self.transform(sample)
        return sample


ds = Shapes(10, transform=Scale(10))
print(len(ds), ds[torch.tensor(2)]['name'], ds[1]['landmarks'].dtype, type(ds[1]['label']).__name__)
for i_batch, batch in enumerate(DataLoader(ds, batch_size=4)):
    print(i_batch, batch['image'].size(), batch['landmarks'].dtype, batch['landmarks'].shape, batch['name'], batch['label'])


class Triples(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return torch.tensor([i, i + 1.0]), i, i * 0.5, (i, str(i))


for x, a, b, pair in DataLoader(Triples(), batch_size=3):
    print(x, a, b, pair)


class Sentences(Dataset):
    def __init__(self):
        self.seqs = [torch.arange(1, n + 1) for n in (3, 1, 4, 2, 5)]

    def __len__(self):
        return len(self.seqs)

    def __getitem__(self, i):
        return self.seqs[i], len(self.seqs[i]) % 2


def collate_batch(batch):
    seqs, labels = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    return pad_sequence(seqs, batch_first=True, padding_value=0), torch.tensor(labels), lengths


for padded, labels, lengths in DataLoader(Sentences(), batch_size=2, collate_fn=collate_batch):
    print(padded, labels, lengths)

full = TensorDataset(torch.arange(20.0).view(10, 2), torch.arange(10))
train, val = random_split(full, [7, 3], generator=torch.Generator().manual_seed(42))
print(len(train), len(val), train.indices, val.indices, val[0])
a, b, c = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(1))
print(list(a), list(b), list(c))
sub = Subset(full, [1, 3, 5])
both = ConcatDataset([sub, Subset(full, [0])])
print(len(sub), sub[1], len(both), both[3], both.cumulative_sizes)

g = torch.Generator()
for run in range(2):
    g.manual_seed(0)
    print([yb.tolist() for _, yb in DataLoader(full, batch_size=4, shuffle=True, generator=g)])
print([yb.tolist() for _, yb in DataLoader(full, batch_size=3, shuffle=True, drop_last=True)])
loader = DataLoader(full, batch_size=3, drop_last=True)
print(len(loader), len(DataLoader(full, batch_size=3)), len(loader.dataset))
weights = [0.1] * 5 + [1.0] * 5
sampler = WeightedRandomSampler(weights, num_samples=8, replacement=True, generator=torch.Generator().manual_seed(3))
print(list(sampler), len(sampler))
print([yb.tolist() for _, yb in DataLoader(full, batch_size=4, sampler=sampler)])
