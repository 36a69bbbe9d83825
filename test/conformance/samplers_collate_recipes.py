# The data-loading recipe's pieces: a Dataset returning dicts, default_collate of dicts, namedtuples, numpy
# and strings, a loader with batch_size=None (no batching: tuples come back as lists), class balancing with
# WeightedRandomSampler, train/valid index splits with SubsetRandomSampler, a BatchSampler passed as
# batch_sampler=, random_split with a seeded generator, and a custom collate_fn padding variable lengths.
from collections import namedtuple

import numpy as np
import torch
from torch.utils.data import (BatchSampler, DataLoader, Dataset, RandomSampler, SequentialSampler,
                              SubsetRandomSampler, TensorDataset, WeightedRandomSampler, random_split)
from torch.utils.data.dataloader import default_collate

torch.manual_seed(11)


class ShapesDataset(Dataset):
    def __init__(self, n):
        self.features = torch.linspace(0, 1, n * 3).reshape(n, 3)
        self.labels = torch.tensor([i % 3 for i in range(n)])

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        return {'features': self.features[idx], 'label': self.labels[idx], 'name': f'shape_{idx}', 'index': idx}


ds = ShapesDataset(7)
print(len(ds), ds[2]['name'])
for batch in DataLoader(ds, batch_size=3):
    print(batch['name'], batch['index'], batch['label'], batch['features'].shape)

Sample = namedtuple('Sample', ['pixels', 'target'])
print(default_collate([Sample(torch.ones(2), 1), Sample(torch.zeros(2), 0)]))
print(default_collate([np.array([1.5, 2.5]), np.array([3.5, 4.5])]))
print(default_collate([(0.5, 'a', True), (1.5, 'b', False)]))

pairs = TensorDataset(torch.arange(6.0), torch.tensor([0, 1, 0, 1, 1, 0]))
for item in DataLoader(pairs, batch_size=None, sampler=[4, 1]):
    print('unbatched:', item)
x, t = next(iter(DataLoader(pairs, batch_size=None)))
print(x, t)
print(next(iter(DataLoader([np.float32(2.5), np.int64(3)], batch_size=None))))

# Oversample the rare classes: weight each sample by 1 / its class count.
labels = torch.tensor([0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0])
counts = torch.bincount(labels)
weights = 1.0 / counts[labels].float()
print(counts, weights[:3], weights[6:9])
sampler = WeightedRandomSampler(weights, num_samples=len(labels), replacement=True)
balanced = DataLoader(TensorDataset(torch.arange(12), labels), batch_size=4, sampler=sampler)
seen = torch.cat([yb for _, yb in balanced])
print('drawn labels:', seen.tolist(), 'per class:', torch.bincount(seen, minlength=3).tolist())
print(list(WeightedRandomSampler([0.1, 0.9, 0.4, 0.7, 3.0], 3, replacement=False)))
print(list(WeightedRandomSampler([1.0, 2.0, 3.0], 4, generator=torch.Generator().manual_seed(5))))

indices = list(range(12))
np.random.seed(0)
np.random.shuffle(indices)
split = 9
train_sampler = SubsetRandomSampler(indices[:split])
valid_sampler = SubsetRandomSampler(indices[split:])
data = TensorDataset(torch.arange(12.0) * 10, labels)
train_loader = DataLoader(data, batch_size=4, sampler=train_sampler)
valid_loader = DataLoader(data, batch_size=4, sampler=valid_sampler)
print(len(train_loader), len(valid_loader), len(train_sampler))
for xb, _ in train_loader:
    print('train', xb.tolist())
print('valid', [xb.tolist() for xb, _ in valid_loader])

print(list(BatchSampler(SequentialSampler(range(7)), batch_size=3, drop_last=False)))
print(list(BatchSampler(range(7), batch_size=3, drop_last=True)))
by_batches = DataLoader(data, batch_sampler=BatchSampler(RandomSampler(data), batch_size=5, drop_last=False))
print(len(by_batches), [yb.tolist() for _, yb in by_batches])

train_set, val_set = random_split(data, [9, 3], generator=torch.Generator().manual_seed(42))
print(type(train_set).__name__, train_set.indices, val_set.indices, val_set[0])


def pad_collate(batch):
    seqs = [item[0] for item in batch]
    lengths = torch.tensor([len(s) for s in seqs])
    padded = torch.nn.utils.rnn.pad_sequence(seqs, batch_first=True)
    return padded, lengths, torch.tensor([item[1] for item in batch])


class Sentences(Dataset):
    def __init__(self):
        self.items = [(torch.arange(1, n + 1), n % 2) for n in (3, 1, 4, 2, 5)]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


for padded, lengths, targets in DataLoader(Sentences(), batch_size=2, shuffle=True, collate_fn=pad_collate):
    print(padded.tolist(), lengths.tolist(), targets.tolist())


# An iterable dataset that splits its range between workers (none here: get_worker_info() is None), batched,
# chained with `+`, and given a len().
class RangeStream(torch.utils.data.IterableDataset):
    def __init__(self, start, end):
        super().__init__()
        self.start, self.end = start, end

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        if info is None:
            return iter(range(self.start, self.end))
        per_worker = int(np.ceil((self.end - self.start) / float(info.num_workers)))
        lo = self.start + info.id * per_worker
        return iter(range(lo, min(lo + per_worker, self.end)))


stream = RangeStream(3, 8)
print(list(DataLoader(stream, num_workers=0))[:2], list(DataLoader(stream, batch_size=2)))
print(list(DataLoader(stream, batch_size=None))[:3])
chained = stream + RangeStream(20, 22)
print(type(chained).__name__, list(chained), list(DataLoader(chained, batch_size=4)))


class SizedStream(RangeStream):
    def __len__(self):
        return self.end - self.start


print(len(DataLoader(SizedStream(0, 7), batch_size=3)), len(DataLoader(SizedStream(0, 7), batch_size=3, drop_last=True)))
try:
    len(DataLoader(stream, batch_size=2))
except TypeError as err:
    print('TypeError:', err)
try:
    torch.utils.data.ConcatDataset([stream])
except AssertionError as err:
    print('AssertionError:', err)
parts = random_split(range(10), [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(0))
print([list(p) for p in parts])
