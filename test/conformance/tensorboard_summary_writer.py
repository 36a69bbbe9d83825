# Logging a training run for TensorBoard, as PyTorch's TensorBoard tutorial and recipe write it: a
# SummaryWriter on a log folder, add_graph of the model with a batch, a running loss logged with add_scalar
# every few batches at `epoch * len(trainloader) + i`, training against validation loss with add_scalars,
# add_text, flush and close, and a writer used as a context manager. SummaryWriter prints nothing; what is
# printed is the training and what the writer did to the disk (folders only: event file names carry the time,
# the host and the process). The log folders go into a temporary folder, removed at the end. add_histogram is
# left out: PyTorch 1.13's make_histogram fails under NumPy 1.24, with which the expected output was made.
import os
import shutil
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)
workdir = tempfile.mkdtemp()
os.chdir(workdir)

# Small synthetic "images": 1x8x8, four classes told apart by which quadrant is bright.
images = torch.rand(96, 1, 8, 8) * 0.3
labels = torch.randint(0, 4, (96,))
for k in range(96):
    r, c = divmod(int(labels[k]), 2)
    images[k, 0, r * 4 : r * 4 + 4, c * 4 : c * 4 + 4] += 0.7
trainset = TensorDataset(images[:64], labels[:64])
valset = TensorDataset(images[64:], labels[64:])
trainloader = DataLoader(trainset, batch_size=8, shuffle=True)
valloader = DataLoader(valset, batch_size=16)
classes = ('top-left', 'top-right', 'bottom-left', 'bottom-right')

forward_calls = []


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.dropout = nn.Dropout(0.25)
        self.fc1 = nn.Linear(4 * 4 * 4, 16)
        self.fc2 = nn.Linear(16, 4)

    def forward(self, x):
        forward_calls.append(self.training)
        x = self.pool(F.relu(self.conv1(x)))
        x = torch.flatten(x, 1)
        x = self.dropout(F.relu(self.fc1(x)))
        return self.fc2(x)


net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.1, momentum=0.9)

writer = SummaryWriter('runs/quadrants_experiment_1')
print('log dir:', writer.get_logdir(), os.path.isdir(writer.get_logdir()))

dataiter = iter(trainloader)
batch, batch_labels = next(dataiter)
print('batch:', batch.shape, ' '.join(classes[j] for j in batch_labels[:4]))
writer.add_graph(net, batch)
# add_graph traces the model in eval mode (three calls), then puts it back in training mode.
print('forward calls while tracing:', len(forward_calls), 'in training mode:', any(forward_calls), net.training)
forward_calls.clear()
writer.add_text('setup', f'SGD lr=0.1 momentum=0.9, {len(trainset)} training images', 0)


def evaluate():
    net.eval()
    total, correct, loss_sum = 0, 0, 0.0
    with torch.no_grad():
        for x, y in valloader:
            out = net(x)
            loss_sum += criterion(out, y).item() * len(y)
            correct += (out.argmax(1) == y).sum().item()
            total += len(y)
    net.train()
    return loss_sum / total, correct / total


running_loss = 0.0
for epoch in range(4):
    for i, (inputs, targets) in enumerate(trainloader):
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 4 == 3:
            step = epoch * len(trainloader) + i
            writer.add_scalar('training loss', running_loss / 4, step)
            print(f'[{epoch + 1}, {i + 1:3d}] loss: {running_loss / 4:.4f}')
            running_loss = 0.0
    val_loss, val_acc = evaluate()
    writer.add_scalars('Training vs. Validation Loss', {'Training': loss.item(), 'Validation': val_loss}, epoch + 1)
    writer.add_scalar('Accuracy/val', val_acc, epoch + 1)
    writer.add_scalar('Loss/last_batch', loss, epoch + 1)  # a 0-dim tensor is fine
    print(f'epoch {epoch + 1}: validation loss {val_loss:.4f}, accuracy {val_acc:.3f}')
writer.flush()
writer.close()

# Mistakes learners make, and what PyTorch says.
with SummaryWriter('runs/mistakes') as w:
    for bad in (lambda: w.add_scalar('loss', outputs), lambda: w.add_scalar('loss', [loss.item()])):
        try:
            bad()
        except (AssertionError, NotImplementedError) as e:
            print(type(e).__name__ + ':', e)
    w.add_scalar('loss', torch.tensor([[0.5]]), 0)  # one element in any shape is fine
    try:
        w.add_image('first image', batch[0, 0])
    except AssertionError as e:
        print('AssertionError:', e)
    try:
        w.add_text('note', 42)
    except AttributeError as e:
        print('AttributeError:', e)

print('folders:', sorted(d for d in os.listdir('runs') if os.path.isdir(os.path.join('runs', d))))
run_dir = 'runs/quadrants_experiment_1'
print('add_scalars runs:', sorted(d for d in os.listdir(run_dir) if os.path.isdir(os.path.join(run_dir, d))))
# Without a log_dir: runs/<month><day>_<hour>-<minute>-<second>_<host><comment>, created at once.
default = SummaryWriter(comment='_lr0.1')
print('default:', os.path.dirname(default.log_dir), default.log_dir.endswith('_lr0.1'), os.path.isdir(default.log_dir))
default.close()
os.chdir(os.path.dirname(workdir))
shutil.rmtree(workdir)
print('done')
