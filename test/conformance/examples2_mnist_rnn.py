# pytorch/examples mnist_rnn/main.py idioms on random 8x8 "digits" (no download): argparse defaults read by
# parse_args([]), an nn.LSTM(batch_first=True) reading each image row by row after input.reshape(-1, H, W),
# the last step's output `output[:, -1, :]` through BatchNorm1d, nn.Dropout2d on a 2-D batch (the 1.13
# deprecation warning, caught and shown), Linear + ReLU + log_softmax, F.nll_loss, optim.Adadelta with StepLR, the example's
# 'Train Epoch' and 'Test set' log lines, `if args.save_model:` left off, `if __name__ == '__main__': main()`.
import argparse
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import DataLoader, TensorDataset

ROWS = 8


class RowReader(nn.Module):
    def __init__(self):
        super(RowReader, self).__init__()
        self.rnn = nn.LSTM(input_size=ROWS, hidden_size=12, batch_first=True)
        self.batchnorm = nn.BatchNorm1d(12)
        self.dropout1 = nn.Dropout2d(0.25)
        self.dropout2 = nn.Dropout2d(0.5)
        self.fc1 = nn.Linear(12, 10)
        self.fc2 = nn.Linear(10, 4)

    def forward(self, images):
        # (batch, 1, H, W) -> (batch, H, W): one image row per LSTM time step
        rows = images.reshape(-1, ROWS, ROWS)
        output, (h_n, c_n) = self.rnn(rows)
        last = output[:, -1, :]
        last = self.batchnorm(last)
        last = self.dropout1(last)
        last = F.relu(self.fc1(last))
        last = self.dropout2(last)
        return F.log_softmax(self.fc2(last), dim=1)


def train(args, model, device, loader, optimizer, epoch):
    model.train()
    for batch_idx, (data, target) in enumerate(loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(loader.dataset),
                100. * batch_idx / len(loader), loss.item()))
            if args.dry_run:
                break


def test(args, model, device, loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in loader:
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.nll_loss(output, target, reduction='sum').item()
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(loader.dataset), 100. * correct / len(loader.dataset)))


def make_digits(n, generator):
    # each class lights a different band of rows, plus noise
    labels = torch.randint(0, 4, (n,), generator=generator)
    images = torch.rand(n, 1, ROWS, ROWS, generator=generator) * 0.3
    for i in range(n):
        band = labels[i].item() * 2
        images[i, 0, band:band + 2, :] += 1.0
    return (images - 0.5) / 0.5, labels


def main():
    parser = argparse.ArgumentParser(description='PyTorch MNIST Example using RNN')
    parser.add_argument('--batch-size', type=int, default=16, metavar='N',
                        help='input batch size for training (default: 16)')
    parser.add_argument('--test-batch-size', type=int, default=32, metavar='N',
                        help='input batch size for testing (default: 32)')
    parser.add_argument('--epochs', type=int, default=3, metavar='N',
                        help='number of epochs to train (default: 3)')
    parser.add_argument('--lr', type=float, default=0.1, metavar='LR',
                        help='learning rate (default: 0.1)')
    parser.add_argument('--gamma', type=float, default=0.7, metavar='M',
                        help='learning rate step gamma (default: 0.7)')
    parser.add_argument('--cuda', action='store_true', default=False,
                        help='enables CUDA training')
    parser.add_argument('--mps', action="store_true", default=False,
                        help="enables MPS training")
    parser.add_argument('--dry-run', action='store_true', default=False,
                        help='quickly check a single pass')
    parser.add_argument('--seed', type=int, default=1, metavar='S',
                        help='random seed (default: 1)')
    parser.add_argument('--log-interval', type=int, default=2, metavar='N',
                        help='how many batches to wait before logging training status')
    parser.add_argument('--save-model', action='store_true', default=False,
                        help='for Saving the current Model')
    args = parser.parse_args([])
    print(args)

    if args.cuda and not args.mps:
        device = "cuda"
    elif args.mps and not args.cuda:
        device = "mps"
    else:
        device = "cpu"
    device = torch.device(device)
    torch.manual_seed(args.seed)
    print('device:', device)

    kwargs = {'num_workers': 1, 'pin_memory': True} if args.cuda else {}
    g = torch.Generator().manual_seed(7)
    x_train, y_train = make_digits(96, g)
    x_test, y_test = make_digits(40, g)
    train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=args.batch_size, shuffle=True, **kwargs)
    test_loader = DataLoader(TensorDataset(x_test, y_test), batch_size=args.test_batch_size, shuffle=False,
                             **kwargs)

    model = RowReader().to(device)
    print(model)
    print('lstm weights:', [tuple(p.shape) for p in model.rnn.parameters()])
    # Dropout2d on the (batch, features) LSTM summary warns once in 1.13: show it, then silence it
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        model(x_train[:4])
    for w in caught:
        print(w.category.__name__ + ':', str(w.message).split('.')[0])
    warnings.filterwarnings('ignore', message='dropout2d')
    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)

    scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
    for epoch in range(1, args.epochs + 1):
        train(args, model, device, train_loader, optimizer, epoch)
        test(args, model, device, test_loader)
        scheduler.step()
        print('lr now', scheduler.get_last_lr())

    if args.save_model:
        torch.save(model.state_dict(), "mnist_rnn.pt")
    print('running_mean', model.batchnorm.running_mean)


if __name__ == '__main__':
    main()
