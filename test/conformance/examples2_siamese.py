# pytorch/examples siamese_network/main.py idioms on tiny generated 8x8 "digits" (no download): torchvision's
# resnet18(pretrained=False) with its deprecation warnings (keyword and positional), `resnet.conv1` swapped for
# a 1-channel Conv2d, `resnet.fc.in_features`, the head cut off with `nn.Sequential(*(list(m.children())[:-1]))`;
# a SiameseNetwork whose shared branch is a small residual net (BasicBlock-style, so it trains in seconds),
# `forward_once` + `output.view(output.size()[0], -1)`, `torch.cat((output1, output2), 1)`, an
# nn.Sequential(Linear, ReLU(inplace=True), Linear) head, nn.Sigmoid, `self.fc.apply(self.init_weights)` with
# the deprecated `torch.nn.init.xavier_uniform` and `m.bias.data.fill_(0.01)`; a pair Dataset subclass over a
# uint8 image tensor (`data.unsqueeze(1).clone()`, `np.array(targets.clone())`, `np.where((np_arr == i))[0]`,
# `random.randint` picks, even index = same class, `self.data[index_1].clone().float()`,
# `torch.tensor(1, dtype=torch.float)` targets), DataLoader(**train_kwargs), nn.BCELoss on
# `model(images_1, images_2).squeeze()`, `torch.where(outputs > 0.5, 1, 0)`, Adadelta + StepLR, the example's
# 'Train Epoch' and 'Test set' lines.
import argparse
import random
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
from torch.optim.lr_scheduler import StepLR
from torch.utils.data import Dataset

N_CLASSES = 4


def show_warnings(caught):
    for w in caught:
        print(w.category.__name__ + ':', w.message)


class ResidualBlock(nn.Module):
    def __init__(self, channels_in, channels_out, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(channels_in, channels_out, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels_out)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(channels_out, channels_out, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels_out)
        self.downsample = None
        if stride != 1 or channels_in != channels_out:
            self.downsample = nn.Sequential(nn.Conv2d(channels_in, channels_out, 1, stride, bias=False),
                                            nn.BatchNorm2d(channels_out))

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class SmallResNet(nn.Module):
    """The shape of a ResNet (stem, residual stages, global pool, fc) at a size that trains in seconds."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(4)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = ResidualBlock(4, 4)
        self.layer2 = ResidualBlock(4, 8, stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer2(self.layer1(x))
        return self.fc(torch.flatten(self.avgpool(x), 1))


class SiameseNetwork(nn.Module):
    def __init__(self):
        super(SiameseNetwork, self).__init__()
        self.resnet = SmallResNet()
        # gray-scale input: one channel instead of RGB's three
        self.resnet.conv1 = nn.Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)
        self.fc_in_features = self.resnet.fc.in_features
        # drop the classifier: the branch ends at the pooled features
        self.resnet = torch.nn.Sequential(*(list(self.resnet.children())[:-1]))
        self.fc = nn.Sequential(
            nn.Linear(self.fc_in_features * 2, 16),
            nn.ReLU(inplace=True),
            nn.Linear(16, 1),
        )
        self.sigmoid = nn.Sigmoid()
        self.resnet.apply(self.init_weights)
        self.fc.apply(self.init_weights)

    def init_weights(self, m):
        if isinstance(m, nn.Linear):
            torch.nn.init.xavier_uniform(m.weight)
            m.bias.data.fill_(0.01)

    def forward_once(self, x):
        output = self.resnet(x)
        output = output.view(output.size()[0], -1)
        return output

    def forward(self, input1, input2):
        output1 = self.forward_once(input1)
        output2 = self.forward_once(input2)
        output = torch.cat((output1, output2), 1)
        output = self.fc(output)
        output = self.sigmoid(output)
        return output


class PairMatcher(Dataset):
    def __init__(self, n, seed):
        super(PairMatcher, self).__init__()
        g = torch.Generator().manual_seed(seed)
        targets = torch.randint(0, N_CLASSES, (n,), generator=g)
        images = torch.randint(0, 60, (n, 8, 8), generator=g)
        for i in range(n):
            k = targets[i].item()
            images[i, 2 * k:2 * k + 2, :] += 180  # a bright band of rows per class
        self.data = images.to(torch.uint8).unsqueeze(1).clone()
        self.targets = targets
        self.group_examples()

    def group_examples(self):
        np_arr = np.array(self.targets.clone())
        self.grouped_examples = {}
        for i in range(0, N_CLASSES):
            self.grouped_examples[i] = np.where((np_arr == i))[0]

    def __len__(self):
        return self.data.shape[0]

    def __getitem__(self, index):
        selected_class = random.randint(0, N_CLASSES - 1)
        random_index_1 = random.randint(0, self.grouped_examples[selected_class].shape[0] - 1)
        index_1 = self.grouped_examples[selected_class][random_index_1]
        image_1 = self.data[index_1].clone().float() / 255.0
        if index % 2 == 0:
            # same class, but never the very same image
            random_index_2 = random.randint(0, self.grouped_examples[selected_class].shape[0] - 1)
            while random_index_2 == random_index_1:
                random_index_2 = random.randint(0, self.grouped_examples[selected_class].shape[0] - 1)
            index_2 = self.grouped_examples[selected_class][random_index_2]
            image_2 = self.data[index_2].clone().float() / 255.0
            target = torch.tensor(1, dtype=torch.float)
        else:
            other_selected_class = random.randint(0, N_CLASSES - 1)
            while other_selected_class == selected_class:
                other_selected_class = random.randint(0, N_CLASSES - 1)
            random_index_2 = random.randint(0, self.grouped_examples[other_selected_class].shape[0] - 1)
            index_2 = self.grouped_examples[other_selected_class][random_index_2]
            image_2 = self.data[index_2].clone().float() / 255.0
            target = torch.tensor(0, dtype=torch.float)
        return image_1, image_2, target


def train(args, model, device, train_loader, optimizer, epoch):
    model.train()
    criterion = nn.BCELoss()
    for batch_idx, (images_1, images_2, targets) in enumerate(train_loader):
        images_1, images_2, targets = images_1.to(device), images_2.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = model(images_1, images_2).squeeze()
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        if batch_idx % args.log_interval == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(images_1), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))
            if args.dry_run:
                break


def test(model, device, test_loader):
    model.eval()
    test_loss = 0
    correct = 0
    criterion = nn.BCELoss()
    with torch.no_grad():
        for (images_1, images_2, targets) in test_loader:
            images_1, images_2, targets = images_1.to(device), images_2.to(device), targets.to(device)
            outputs = model(images_1, images_2).squeeze()
            test_loss += criterion(outputs, targets).sum().item()
            pred = torch.where(outputs > 0.5, 1, 0)
            correct += pred.eq(targets.view_as(pred)).sum().item()
    test_loss /= len(test_loader.dataset)
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
        test_loss, correct, len(test_loader.dataset), 100. * correct / len(test_loader.dataset)))


def torchvision_surgery():
    # the example's own branch: torchvision's ResNet-18 read one channel, classifier cut off
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        resnet = torchvision.models.resnet18(pretrained=False)
        torchvision.models.resnet18(False)
    show_warnings(caught)
    resnet.conv1 = nn.Conv2d(1, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False)
    print('fc.in_features:', resnet.fc.in_features)
    body = torch.nn.Sequential(*(list(resnet.children())[:-1]))
    print('children kept:', [type(m).__name__ for m in body])
    print('conv1:', body[0])
    body.eval()  # one image: batch norm needs its running statistics
    with torch.no_grad():
        features = body(torch.rand(1, 1, 8, 8))
    print('features:', features.shape, features.view(features.size()[0], -1).shape)


def main():
    parser = argparse.ArgumentParser(description='PyTorch Siamese network Example')
    parser.add_argument('--batch-size', type=int, default=16, metavar='N',
                        help='input batch size for training (default: 16)')
    parser.add_argument('--test-batch-size', type=int, default=40, metavar='N',
                        help='input batch size for testing (default: 40)')
    parser.add_argument('--epochs', type=int, default=3, metavar='N', help='number of epochs to train (default: 3)')
    parser.add_argument('--lr', type=float, default=1.0, metavar='LR', help='learning rate (default: 1.0)')
    parser.add_argument('--gamma', type=float, default=0.7, metavar='M', help='Learning rate step gamma (default: 0.7)')
    parser.add_argument('--no-cuda', action='store_true', default=False, help='disables CUDA training')
    parser.add_argument('--dry-run', action='store_true', default=False, help='quickly check a single pass')
    parser.add_argument('--seed', type=int, default=1, metavar='S', help='random seed (default: 1)')
    parser.add_argument('--log-interval', type=int, default=2, metavar='N',
                        help='how many batches to wait before logging training status')
    parser.add_argument('--save-model', action='store_true', default=False, help='For Saving the current Model')
    args = parser.parse_args([])

    use_cuda = not args.no_cuda and torch.cuda.is_available()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    device = torch.device("cuda" if use_cuda else "cpu")

    torchvision_surgery()

    train_kwargs = {'batch_size': args.batch_size}
    test_kwargs = {'batch_size': args.test_batch_size}
    if use_cuda:
        cuda_kwargs = {'num_workers': 1, 'pin_memory': True, 'shuffle': True}
        train_kwargs.update(cuda_kwargs)
        test_kwargs.update(cuda_kwargs)

    train_dataset = PairMatcher(64, seed=5)
    test_dataset = PairMatcher(40, seed=6)
    print('groups:', {k: len(v) for k, v in train_dataset.grouped_examples.items()}, train_dataset.data.dtype)
    image_1, image_2, target = train_dataset[0]
    print('pair:', image_1.shape, image_2.dtype, target)
    train_loader = torch.utils.data.DataLoader(train_dataset, **train_kwargs)
    test_loader = torch.utils.data.DataLoader(test_dataset, **test_kwargs)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        model = SiameseNetwork().to(device)
    show_warnings(caught[:1])
    print(model.fc)
    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)

    scheduler = StepLR(optimizer, step_size=1, gamma=args.gamma)
    for epoch in range(1, args.epochs + 1):
        train(args, model, device, train_loader, optimizer, epoch)
        test(model, device, test_loader)
        scheduler.step()

    if args.save_model:
        torch.save(model.state_dict(), "siamese_network.pt")


if __name__ == '__main__':
    main()
