"""torch.utils.data: Dataset, TensorDataset, DataLoader and the samplers, with PyTorch 1.13's order of
random draws, so a seeded script shuffles exactly as PyTorch does:
RandomSampler draws one int64 seed from the global generator (`torch.empty((), dtype=torch.int64)
.random_()`, i.e. random64() % 2**63), seeds a fresh Generator with it and yields randperm(n) from it."""

import math

from ..._tensor import Tensor
from ..._random import Generator, default_generator
from ..._unsupported import module_getattr


class Dataset:
    def __getitem__(self, index):
        raise NotImplementedError

    def __add__(self, other):
        return ConcatDataset([self, other])


class IterableDataset(Dataset):
    def __iter__(self):
        raise NotImplementedError

    def __add__(self, other):
        return ChainDataset([self, other])


class ChainDataset(IterableDataset):
    """Iterable datasets one after the other, as PyTorch's (what `iterable_a + iterable_b` gives)."""

    def __init__(self, datasets):
        super().__init__()
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            assert isinstance(d, IterableDataset), "ChainDataset only supports IterableDataset"
            yield from d

    def __len__(self):
        total = 0
        for d in self.datasets:
            assert isinstance(d, IterableDataset), "ChainDataset only supports IterableDataset"
            total += len(d)
        return total


class TensorDataset(Dataset):
    def __init__(self, *tensors):
        if any(tensors[0].size(0) != t.size(0) for t in tensors):
            raise AssertionError('Size mismatch between tensors')
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class ConcatDataset(Dataset):
    def __init__(self, datasets):
        self.datasets = list(datasets)
        assert len(self.datasets) > 0, 'datasets should not be an empty iterable'
        for d in self.datasets:
            assert not isinstance(d, IterableDataset), "ConcatDataset does not support IterableDataset"
        self.cumulative_sizes = []
        total = 0
        for d in self.datasets:
            total += len(d)
            self.cumulative_sizes.append(total)

    def __len__(self):
        return self.cumulative_sizes[-1] if self.cumulative_sizes else 0

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx += len(self)
        start = 0
        for d, end in zip(self.datasets, self.cumulative_sizes):
            if idx < end:
                return d[idx - start]
            start = end
        raise IndexError('index out of range')


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


def random_split(dataset, lengths, generator=default_generator):
    from ..._creation import randperm

    n = len(dataset)
    if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
        counts = [int(math.floor(n * frac)) for frac in lengths]
        remainder = n - sum(counts)
        for i in range(remainder):
            counts[i % len(counts)] += 1
        lengths = counts
    if sum(lengths) != n:
        raise ValueError('Sum of input lengths does not equal the length of the input dataset!')
    indices = randperm(sum(lengths), generator=generator).tolist()
    out = []
    offset = 0
    for length in lengths:
        out.append(Subset(dataset, indices[offset : offset + length]))
        offset += length
    return out


class Sampler:
    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        from ..._creation import randperm, randint

        n = len(self.data_source)
        if self.generator is None:
            # torch.empty((), dtype=torch.int64).random_() draws random64() % 2**63 from the global generator.
            seed = default_generator.random64() % (1 << 63)
            generator = Generator()
            generator.manual_seed(seed)
        else:
            generator = self.generator
        if self.replacement:
            for _ in range(self.num_samples // 32):
                yield from randint(high=n, size=(32,), dtype=_int64(), generator=generator).tolist()
            yield from randint(high=n, size=(self.num_samples % 32,), dtype=_int64(), generator=generator).tolist()
        else:
            for _ in range(self.num_samples // n):
                yield from randperm(n, generator=generator).tolist()
            yield from randperm(n, generator=generator).tolist()[: self.num_samples % n]

    def __len__(self):
        return self.num_samples


def _int64():
    from ..._dtype import int64

    return int64


class SubsetRandomSampler(Sampler):
    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator

    def __iter__(self):
        from ..._creation import randperm

        for i in randperm(len(self.indices), generator=self.generator):
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """Indices drawn by torch.multinomial over `weights` (as float64), as PyTorch 1.13's sampler draws them."""

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise ValueError(f"replacement should be a boolean value, but got replacement={replacement}")
        from ..._creation import as_tensor
        from ..._dtype import float64

        weights_tensor = as_tensor(weights, dtype=float64)
        if len(weights_tensor.shape) != 1:
            raise ValueError(
                f"weights should be a 1d sequence but given weights have shape {tuple(weights_tensor.shape)}"
            )
        self.weights = weights_tensor
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator

    def __iter__(self):
        from ..._creation import multinomial

        drawn = multinomial(self.weights, self.num_samples, self.replacement, generator=self.generator)
        yield from iter(drawn.tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size


def default_collate(batch):
    """Stacks a list of samples into a batch, as PyTorch's default_collate (tensors, numbers, tuples, dicts)."""
    from ..._functions import stack
    from ..._creation import tensor

    elem = batch[0]
    if isinstance(elem, Tensor):
        return stack(batch, 0)
    if type(elem).__module__ == 'numpy' and type(elem).__name__ not in ('str_', 'string_'):
        return _collate_numpy(batch)
    if isinstance(elem, float):
        from ..._dtype import float64

        return tensor(batch, dtype=float64)  # PyTorch collates Python floats as float64
    if isinstance(elem, bool):
        return tensor(batch)
    if isinstance(elem, int):
        return tensor(batch)
    if isinstance(elem, str):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, tuple) and hasattr(elem, '_fields'):
        return type(elem)(*(default_collate(samples) for samples in zip(*batch)))
    if isinstance(elem, (list, tuple)):
        size = len(elem)
        if any(len(e) != size for e in batch):
            raise RuntimeError('each element in list of batch should be of equal size')
        return [default_collate(samples) for samples in zip(*batch)]
    raise TypeError(
        f"default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {type(elem)}"
    )


def _collate_numpy(batch):
    """numpy arrays become tensors (then stacked), numpy scalars one tensor, as PyTorch's default_collate."""
    from ..._creation import as_tensor

    elem = batch[0]
    if type(elem).__name__ in ('ndarray', 'memmap'):
        if elem.dtype.kind in 'SaUO':
            raise TypeError(
                "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
                f"found {elem.dtype}"
            )
        return default_collate([as_tensor(b) for b in batch])
    return as_tensor(batch)


class DataLoader:
    def __init__(
        self,
        dataset,
        batch_size=1,
        shuffle=None,
        sampler=None,
        batch_sampler=None,
        num_workers=0,
        collate_fn=None,
        pin_memory=False,
        drop_last=False,
        timeout=0,
        worker_init_fn=None,
        multiprocessing_context=None,
        generator=None,
        *,
        prefetch_factor=2,
        persistent_workers=False,
        pin_memory_device='',
    ):
        self.dataset = dataset
        self.num_workers = num_workers
        self.pin_memory = pin_memory
        self.timeout = timeout
        self.worker_init_fn = worker_init_fn
        self.generator = generator
        if isinstance(dataset, IterableDataset):
            if shuffle or sampler is not None or batch_sampler is not None:
                raise ValueError(
                    'DataLoader with IterableDataset: expected unspecified shuffle, sampler and batch_sampler options'
                )
        if sampler is not None and shuffle:
            raise ValueError('sampler option is mutually exclusive with shuffle')
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError(
                    'batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last'
                )
            batch_size = None
            drop_last = False
        elif batch_size is None and drop_last:
            raise ValueError('batch_size=None option disables auto-batching and is mutually exclusive with drop_last')
        if sampler is None and not isinstance(dataset, IterableDataset):
            sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and sampler is not None:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        # PyTorch gives an IterableDataset a BatchSampler over an endless sampler whenever batch_size is set, so
        # its items are collated (ints become tensors) just as a map-style dataset's.
        self._auto_collation = batch_sampler is not None or (
            isinstance(dataset, IterableDataset) and batch_size is not None
        )
        self.collate_fn = (
            collate_fn if collate_fn is not None else (default_collate if self._auto_collation else default_convert)
        )
        self._default_collate = collate_fn is None

    def __iter__(self):
        # As PyTorch's _BaseDataLoaderIter: the index iterator is made (its body runs lazily), then the
        # workers' base seed is drawn, `torch.empty((), dtype=torch.int64).random_(generator=...)`, which
        # advances the generator by one random64() draw even with no workers.
        batches = self._batches()
        (self.generator or default_generator).random64()
        kind = _MultiProcessingDataLoaderIter if self.num_workers > 0 else _SingleProcessDataLoaderIter
        return kind(self, batches)

    def _batches(self):
        dataset = self.dataset
        if isinstance(dataset, IterableDataset):
            yield from self._iter_iterable()
            return
        if not self._auto_collation:
            for idx in self.sampler:
                yield self.collate_fn(dataset[idx])
            return
        fast = self._default_collate and type(dataset) is TensorDataset
        for indices in self.batch_sampler:
            if fast:
                # One gather per tensor instead of stacking len(indices) rows: the same values, fewer ops.
                from ..._creation import tensor
                from ..._dtype import int64

                index = tensor(indices, dtype=int64)
                yield [t[index] for t in dataset.tensors]
            else:
                yield self.collate_fn([dataset[i] for i in indices])

    def _iter_iterable(self):
        if self.batch_size is None:
            for item in self.dataset:
                yield self.collate_fn(item)
            return
        batch = []
        for item in self.dataset:
            batch.append(item)
            if len(batch) == self.batch_size:
                yield self.collate_fn(batch)
                batch = []
        if batch and not self.drop_last:
            yield self.collate_fn(batch)

    def __len__(self):
        if isinstance(self.dataset, IterableDataset):
            # PyTorch's: the dataset's own len() (a TypeError where it has none), in batches when batching.
            length = len(self.dataset)
            if self.batch_size is not None:
                length = length // self.batch_size if self.drop_last else math.ceil(length / self.batch_size)
            return length
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)


class _BaseDataLoaderIter:
    """What iter(loader) gives, named as PyTorch names it: old course code's `dataiter.next()` then fails with
    1.13's AttributeError, and len() works."""

    __module__ = 'torch.utils.data.dataloader'

    def __init__(self, loader, batches):
        self._loader = loader
        self._batches = batches
        self._num_yielded = 0

    def __iter__(self):
        return self

    def __next__(self):
        data = next(self._batches)
        self._num_yielded += 1
        return data

    def __len__(self):
        return len(self._loader)


class _SingleProcessDataLoaderIter(_BaseDataLoaderIter):
    __module__ = 'torch.utils.data.dataloader'


class _MultiProcessingDataLoaderIter(_BaseDataLoaderIter):
    __module__ = 'torch.utils.data.dataloader'


def default_convert(data):
    """What a loader with batch_size=None hands out, as PyTorch 1.13: numpy data become tensors and plain
    tuples become lists (its 'backwards compatibility' rule), so `for x, y in loader` still unpacks."""
    import collections.abc

    from ..._creation import as_tensor

    kind = type(data)
    if isinstance(data, Tensor):
        return data
    if kind.__module__ == 'numpy' and kind.__name__ not in ('str_', 'string_'):
        if kind.__name__ == 'ndarray' and data.dtype.kind in 'SaUO':
            return data
        return as_tensor(data)
    if isinstance(data, collections.abc.Mapping):
        try:
            return kind({key: default_convert(data[key]) for key in data})
        except TypeError:
            return {key: default_convert(data[key]) for key in data}
    if isinstance(data, tuple) and hasattr(data, '_fields'):
        return kind(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, collections.abc.Sequence) and not isinstance(data, (str, bytes)):
        try:
            return kind([default_convert(d) for d in data])
        except TypeError:
            return [default_convert(d) for d in data]
    return data


def get_worker_info():
    return None


__getattr__ = module_getattr('torch.utils.data')
