# Training loops wrapped in tqdm progress bars, as Kaggle notebooks and course labs write them: tqdm over a
# DataLoader with a description and a postfix showing the loss, tqdm.write for the epoch summary, trange
# over full-batch steps, a bar updated by hand, and a loop left early. The bars are written to stdout with a
# bar_format without timings, so the printed text is the same on every machine (bars are not nested: a
# nested bar redraws its parent with cursor movements, which this comparison does not emulate).
import sys

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm, trange

torch.manual_seed(3)
x = torch.randn(64, 2)
y = (x[:, 0] * x[:, 1] > 0).long()
loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=False)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.3)
loss_fn = nn.CrossEntropyLoss()
fmt = '{l_bar}{bar}| {n_fmt}/{total_fmt}{postfix}'

print('batches per epoch:', len(tqdm(loader, disable=True)))
for epoch in range(3):
    pbar = tqdm(loader, desc=f'epoch {epoch}', file=sys.stdout, bar_format=fmt, leave=True)
    total = 0.0
    for xb, yb in pbar:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item()
        pbar.set_postfix(loss=loss.item())
    tqdm.write(f'epoch {epoch}: mean loss {total / len(loader):.4f}')

steps = trange(20, desc='full batch', file=sys.stdout, bar_format=fmt)
for step in steps:
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 5 == 0:
        steps.set_description(f'full batch (loss {loss.item():.3f})')
print('final loss', round(loss.item(), 4))

with tqdm(total=5, desc='by hand', file=sys.stdout, bar_format=fmt) as bar:
    for step in range(5):
        bar.update(1)
        bar.set_postfix_str(f'step={step}')
print('counted', bar.n, 'of', bar.total)

for i, (xb, _) in enumerate(tqdm(loader, file=sys.stdout, bar_format=fmt, desc='early')):
    if i == 2:
        break
print('stopped at batch', i)
quiet = tqdm(range(3), disable=True)
print('disabled bar iterates:', list(quiet))
with torch.no_grad():
    accuracy = (model(x).argmax(1) == y).float().mean().item()
print(f'accuracy {accuracy:.3f}')
