# torch.utils.benchmark as the "Timer quick start" and "PyTorch Benchmark" recipes use it: two ways to write a
# batched dot product checked equal, timed with Timer.timeit, blocked_autorange and adaptive_autorange (only
# what does not change between runs is printed), then Measurement's summary and Compare's table on
# measurements built from fixed times, as a learner's saved results would be.
import pickle
from itertools import product

import torch
import torch.utils.benchmark as benchmark
from torch.utils.benchmark import Compare, Measurement, TaskSpec


def batched_dot_mul_sum(a, b):
    """Computes batched dot by multiplying and summing"""
    return a.mul(b).sum(-1)


def batched_dot_bmm(a, b):
    """Computes batched dot by reducing to bmm"""
    a = a.reshape(-1, 1, a.shape[-1])
    b = b.reshape(-1, b.shape[-1], 1)
    return torch.bmm(a, b).flatten(-3)


torch.manual_seed(0)
x = torch.randn(64, 16)
assert batched_dot_mul_sum(x, x).allclose(batched_dot_bmm(x, x))
print(batched_dot_mul_sum(x, x)[:4])

t0 = benchmark.Timer(stmt='batched_dot_mul_sum(x, x)', setup='from __main__ import batched_dot_mul_sum', globals={'x': x})
t1 = benchmark.Timer(stmt='batched_dot_bmm(x, x)', setup='from __main__ import batched_dot_bmm', globals={'x': x})
m0 = t0.timeit(20)
m1 = t1.timeit(20)
for m in (m0, m1):
    print(type(m).__name__, m.stmt, '|', m.task_spec.setup, '|', m.number_per_run, len(m.times), m.mean > 0)

t2 = benchmark.Timer(
    stmt='batched_dot_bmm(x, x)',
    globals={'x': x, 'batched_dot_bmm': batched_dot_bmm},
    label='Batched dot',
    sub_label='bmm',
    description='reduce to bmm',
    num_threads=1,
)
m2 = t2.blocked_autorange(min_run_time=0.02)
print(m2.title, '/', m2.description, '/', m2.num_threads, m2.median > 0, m2.iqr >= 0, sum(m2.raw_times) >= 0.02)
m3 = t2.adaptive_autorange(threshold=0.5, min_run_time=0.01, max_run_time=0.2)
print(len(m3.times) >= 1, m3.number_per_run >= 1)
print(type(pickle.loads(pickle.dumps(m2))).__module__)
print(torch.get_num_threads() >= 1)
try:
    t2.autorange()
except NotImplementedError as err:
    print('NotImplementedError:', err)

# Fixed times: what the summary and the table look like.
spec = TaskSpec(stmt='batched_dot_mul_sum(x, x)', setup='from __main__ import batched_dot_mul_sum',
                label='Batched dot', sub_label='[64, 16]', description='mul/sum')
m = Measurement(100, [0.00121, 0.00118, 0.00125, 0.00190, 0.00119, 0.00120], spec)
print('\n'.join(repr(m).splitlines()[1:]))
print(m.median, m.iqr, m.significant_figures, m.has_warnings, m.meets_confidence(0.6))
single = Measurement(1000, [0.25], TaskSpec(stmt='y = x @ x.T\nz = y.sum()', setup='pass', num_threads=4))
print('\n'.join(repr(single).splitlines()[1:]))

results = []
sizes = [1, 64, 1024]
for b, n in product(sizes, [8, 64]):
    label = 'Batched dot'
    sub_label = f'[{b}, {n}]'
    cost = b * n * 1e-9 + 2e-6
    for num_threads in [1, 4]:
        for desc, factor in (('mul/sum', 1.0), ('bmm', 1.3)):
            per_run = cost * factor / (num_threads if b > 1 else 1)
            times = [per_run * 50 * k for k in (1.0, 1.01, 0.99, 1.02, 0.98)]
            results.append(Measurement(50, times, TaskSpec(stmt='f(x, x)', setup='pass', label=label,
                                                           sub_label=sub_label, description=desc,
                                                           num_threads=num_threads)))
compare = Compare(results)
compare.print()
compare.trim_significant_figures()
compare.print()
