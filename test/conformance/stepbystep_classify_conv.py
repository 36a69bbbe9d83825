# "Deep Learning with PyTorch Step-by-Step" (Godoy), chapters 3 to 5: binary classification on make_moons
# (odds ratio and log odds, sigmoid by hand and torch.sigmoid, BCE by hand against nn.BCELoss and
# nn.BCEWithLogitsLoss with reduction='sum' and pos_weight, a StepByStep trainer, predict -> probabilities ->
# classes, confusion_matrix split into TPR/FPR/precision); small images of lines (diagonal or not) with a
# TransformedTensorDataset, index_splitter over random_split of torch.arange, make_balanced_sampler
# (unique(return_counts=True), WeightedRandomSampler with its own generator), Compose of
# RandomHorizontalFlip and Normalize on tensors, nn.Flatten models with count_parameters, correct and
# loader_apply; then convolutions by hand (a region times a kernel, F.conv2d, nn.Conv2d with its weight
# replaced, F.pad and the padding layers, max pooling) and register_forward_hook capturing activations.
import random

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from sklearn.datasets import make_moons
from sklearn.metrics import confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, Dataset, TensorDataset, WeightedRandomSampler, random_split
from torchvision.transforms import Compose, Normalize, RandomHorizontalFlip


class StepByStep(object):
    def __init__(self, model, loss_fn, optimizer):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = 'cuda' if torch.cuda.is_available() else 'cpu'
        self.model.to(self.device)
        self.train_loader = None
        self.val_loader = None
        self.losses = []
        self.val_losses = []
        self.total_epochs = 0
        self.visualization = {}
        self.handles = {}

    def set_loaders(self, train_loader, val_loader=None):
        self.train_loader = train_loader
        self.val_loader = val_loader

    def _step(self, x, y, train):
        self.model.train(train)
        yhat = self.model(x)
        loss = self.loss_fn(yhat, y)
        if train:
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
        return loss.item()

    def _mini_batch(self, validation=False):
        data_loader = self.val_loader if validation else self.train_loader
        if data_loader is None:
            return None
        losses = [self._step(x.to(self.device), y.to(self.device), not validation) for x, y in data_loader]
        return np.mean(losses)

    def set_seed(self, seed=42):
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
        torch.manual_seed(seed)
        np.random.seed(seed)
        random.seed(seed)
        try:
            self.train_loader.sampler.generator.manual_seed(seed)
        except AttributeError:
            pass

    def train(self, n_epochs, seed=42):
        self.set_seed(seed)
        for epoch in range(n_epochs):
            self.total_epochs += 1
            self.losses.append(self._mini_batch(validation=False))
            with torch.no_grad():
                self.val_losses.append(self._mini_batch(validation=True))

    def predict(self, x):
        self.model.eval()
        x_tensor = torch.as_tensor(x).float()
        y_hat_tensor = self.model(x_tensor.to(self.device))
        self.model.train()
        return y_hat_tensor.detach().cpu().numpy()

    def count_parameters(self):
        return sum(p.numel() for p in self.model.parameters() if p.requires_grad)

    def correct(self, x, y, threshold=0.5):
        self.model.eval()
        yhat = self.model(x.to(self.device))
        y = y.to(self.device)
        self.model.train()
        n_samples, n_dims = yhat.shape
        if n_dims > 1:
            _, predicted = torch.max(yhat, 1)
        else:
            n_dims += 1
            if isinstance(self.model, nn.Sequential) and isinstance(self.model[-1], nn.Sigmoid):
                predicted = (yhat > threshold).long()
            else:
                predicted = (torch.sigmoid(yhat) > threshold).long()
        result = []
        for c in range(n_dims):
            n_class = (y == c).sum().item()
            n_correct = (predicted[y == c] == c).sum().item()
            result.append((n_correct, n_class))
        return torch.tensor(result)

    @staticmethod
    def loader_apply(loader, func, reduce='sum'):
        results = [func(x, y) for i, (x, y) in enumerate(loader)]
        results = torch.stack(results, axis=0)
        if reduce == 'sum':
            results = results.sum(axis=0)
        elif reduce == 'mean':
            results = results.float().mean(axis=0)
        return results

    def attach_hooks(self, layers_to_hook, hook_fn=None):  # pyright: ignore[reportRedeclaration] (the book's default hook)
        self.visualization = {}
        modules = list(self.model.named_modules())
        layer_names = {layer: name for name, layer in modules[1:]}
        if hook_fn is None:

            def hook_fn(layer, inputs, outputs):
                name = layer_names[layer]
                values = outputs.detach().cpu().numpy()
                if self.visualization[name] is None:
                    self.visualization[name] = values
                else:
                    self.visualization[name] = np.concatenate([self.visualization[name], values])

        for name, layer in modules:
            if name in layers_to_hook:
                self.visualization[name] = None
                self.handles[name] = layer.register_forward_hook(hook_fn)

    def remove_hooks(self):
        for handle in self.handles.values():
            handle.remove()
        self.handles = {}


# chapter 3: a linear boundary for two moons
X, y = make_moons(n_samples=100, noise=0.3, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=13)
sc = StandardScaler()
sc.fit(X_train)
X_train = sc.transform(X_train)
X_val = sc.transform(X_val)
print(X_train[:3], y_train[:10])

torch.manual_seed(13)
x_train_tensor = torch.as_tensor(X_train).float()
y_train_tensor = torch.as_tensor(y_train.reshape(-1, 1)).float()
x_val_tensor = torch.as_tensor(X_val).float()
y_val_tensor = torch.as_tensor(y_val.reshape(-1, 1)).float()
train_dataset = TensorDataset(x_train_tensor, y_train_tensor)
val_dataset = TensorDataset(x_val_tensor, y_val_tensor)
train_loader = DataLoader(dataset=train_dataset, batch_size=16, shuffle=True)
val_loader = DataLoader(dataset=val_dataset, batch_size=16)


def odds_ratio(prob):
    return prob / (1 - prob)


def log_odds_ratio(prob):
    return np.log(odds_ratio(prob))


p = 0.75
q = 1 - p
print(odds_ratio(p), odds_ratio(q), log_odds_ratio(p), log_odds_ratio(q))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


print(
    sigmoid(log_odds_ratio(p)),
    torch.sigmoid(torch.tensor(log_odds_ratio(p))),
    torch.sigmoid(torch.tensor([1.0986, -1.0986])),
)

dummy_labels = torch.tensor([1.0, 0.0])
dummy_predictions = torch.tensor([0.9, 0.2])
positive_pred = dummy_predictions[dummy_labels == 1]
first_summation = torch.log(positive_pred).sum()
negative_pred = dummy_predictions[dummy_labels == 0]
second_summation = torch.log(1 - negative_pred).sum()
n_total = dummy_labels.size(0)
loss = -(first_summation + second_summation) / n_total
print(loss)
summation = torch.sum(
    dummy_labels * torch.log(dummy_predictions) + (1 - dummy_labels) * torch.log(1 - dummy_predictions)
)
print(-summation / n_total)
loss_fn = nn.BCELoss(reduction='mean')
print(loss_fn, loss_fn(dummy_predictions, dummy_labels))
logit1 = log_odds_ratio(0.9)
logit2 = log_odds_ratio(0.2)
dummy_logits = torch.tensor([logit1, logit2])
loss_fn_logits = nn.BCEWithLogitsLoss(reduction='mean')
print(dummy_logits, loss_fn_logits(dummy_logits, dummy_labels))
dummy_imb_labels = torch.tensor([1.0, 0.0, 0.0, 0.0])
dummy_imb_logits = torch.tensor([logit1, logit2, logit2, logit2])
n_neg = (dummy_imb_labels == 0).sum().float()
n_pos = (dummy_imb_labels == 1).sum().float()
pos_weight = (n_neg / n_pos).view(
    1,
)
print(pos_weight)
loss_fn_imb = nn.BCEWithLogitsLoss(reduction='mean', pos_weight=pos_weight)
print(loss_fn_imb(dummy_imb_logits, dummy_imb_labels))
loss_fn_imb_sum = nn.BCEWithLogitsLoss(reduction='sum', pos_weight=pos_weight)
print(loss_fn_imb_sum(dummy_imb_logits, dummy_imb_labels) / (pos_weight + n_neg))

lr = 0.1
torch.manual_seed(42)
model = nn.Sequential()
model.add_module('linear', nn.Linear(2, 1))
optimizer = optim.SGD(model.parameters(), lr=lr)
loss_fn = nn.BCEWithLogitsLoss()
sbs = StepByStep(model, loss_fn, optimizer)
sbs.set_loaders(train_loader, val_loader)
sbs.train(50)
print(model.state_dict())
print(round(sbs.losses[-1], 5), round(sbs.val_losses[-1], 5))
predictions = sbs.predict(x_train_tensor[:4])
probabilities = sigmoid(predictions)
classes = (predictions >= 0).astype(int)
print(predictions, probabilities, classes, sep='\n')

logits_val = sbs.predict(X_val)
probabilities_val = sigmoid(logits_val).squeeze()
cm_thresh50 = confusion_matrix(y_val, (probabilities_val >= 0.5))
print(cm_thresh50)


def split_cm(cm):
    actual_negative = cm[0]
    tn = actual_negative[0]
    fp = actual_negative[1]
    actual_positive = cm[1]
    fn = actual_positive[0]
    tp = actual_positive[1]
    return tn, fp, fn, tp


def tpr_fpr(cm):
    tn, fp, fn, tp = split_cm(cm)
    tpr = tp / (tp + fn)
    fpr = fp / (fp + tn)
    return tpr, fpr


def precision_recall(cm):
    tn, fp, fn, tp = split_cm(cm)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    return precision, recall


print(tpr_fpr(cm_thresh50), precision_recall(cm_thresh50))
for threshold in (0.3, 0.7):
    cm = confusion_matrix(y_val, (probabilities_val >= threshold))
    print(threshold, cm.ravel(), np.round(tpr_fpr(cm), 4))


# chapter 4: images of lines, diagonal (label 1) or not
def generate_lines(img_size=5, n_images=200, seed=17):
    rng = np.random.RandomState(seed)
    images = np.zeros((n_images, 1, img_size, img_size), dtype=np.uint8)
    labels = np.zeros((n_images,), dtype=np.int64)
    for i in range(n_images):
        kind = rng.randint(4)
        if kind == 0:
            images[i, 0, rng.randint(img_size), :] = 255
        elif kind == 1:
            images[i, 0, :, rng.randint(img_size)] = 255
        else:
            offset = rng.randint(-1, 2)
            for r in range(img_size):
                c = r + offset if kind == 2 else img_size - 1 - r + offset
                if 0 <= c < img_size:
                    images[i, 0, r, c] = 255
            labels[i] = 1
        noise = rng.randint(0, 40, size=(img_size, img_size))
        images[i, 0] = np.maximum(images[i, 0], noise.astype(np.uint8))
    return images, labels


images, labels = generate_lines()
print(images.shape, images.dtype, labels[:12], images[0, 0])
x_tensor = torch.as_tensor(images / 255).float()
y_tensor = torch.as_tensor(labels.reshape(-1, 1)).float()
print(x_tensor.dtype, x_tensor.shape, x_tensor[0, 0, 0])


class TransformedTensorDataset(Dataset):
    def __init__(self, x, y, transform=None):
        self.x = x
        self.y = y
        self.transform = transform

    def __getitem__(self, index):
        x = self.x[index]
        if self.transform:
            x = self.transform(x)
        return x, self.y[index]

    def __len__(self):
        return len(self.x)


def index_splitter(n, splits, seed=13):
    idx = torch.arange(n)
    splits_tensor = torch.as_tensor(splits)
    multiplier = n / splits_tensor.sum()
    splits_tensor = (multiplier * splits_tensor).long()
    diff = n - splits_tensor.sum()
    splits_tensor[0] += diff
    torch.manual_seed(seed)
    return random_split(idx, splits_tensor)


train_idx, val_idx = index_splitter(len(x_tensor), [80, 20])
print(type(train_idx).__name__, len(train_idx), len(val_idx), train_idx.indices[:5], val_idx.indices[:5])
x_train_tensor = x_tensor[train_idx]
y_train_tensor = y_tensor[train_idx]
x_val_tensor = x_tensor[val_idx]
y_val_tensor = y_tensor[val_idx]
print(x_train_tensor.shape, y_train_tensor.shape)

train_composer = Compose([RandomHorizontalFlip(p=0.5), Normalize(mean=(0.5,), std=(0.5,))])
val_composer = Compose([Normalize(mean=(0.5,), std=(0.5,))])
print(train_composer)
normalizer = Normalize(mean=(0.5,), std=(0.5,))
print(normalizer(x_tensor[0])[0, 0])
train_dataset = TransformedTensorDataset(x_train_tensor, y_train_tensor, transform=train_composer)
val_dataset = TransformedTensorDataset(x_val_tensor, y_val_tensor, transform=val_composer)


def make_balanced_sampler(y):
    classes, counts = y.unique(return_counts=True)
    weights = 1.0 / counts.float()
    sample_weights = weights[y.squeeze().long()]
    generator = torch.Generator()
    sampler = WeightedRandomSampler(
        weights=sample_weights, num_samples=len(sample_weights), generator=generator, replacement=True
    )
    return sampler


classes, counts = y_train_tensor.unique(return_counts=True)
print(classes, counts, 1.0 / counts.float())
sampler = make_balanced_sampler(y_train_tensor)
print(sampler.weights[:6], sampler.num_samples, sampler.replacement)
train_loader = DataLoader(dataset=train_dataset, batch_size=16, sampler=sampler)
val_loader = DataLoader(dataset=val_dataset, batch_size=16)
sampler.generator.manual_seed(42)
print(torch.tensor([t[1].sum() for t in iter(train_loader)]).sum(), len(train_loader))
sampler.generator.manual_seed(42)
random.seed(42)
print(list(iter(sampler))[:10])

torch.manual_seed(17)
model_cnn = nn.Sequential()
model_cnn.add_module('flatten', nn.Flatten())
model_cnn.add_module('hidden0', nn.Linear(25, 5, bias=False))
model_cnn.add_module('activation0', nn.ReLU())
model_cnn.add_module('output', nn.Linear(5, 1, bias=False))
optimizer_cnn = optim.SGD(model_cnn.parameters(), lr=0.1)
binary_loss_fn = nn.BCEWithLogitsLoss()
sbs_nn = StepByStep(model_cnn, binary_loss_fn, optimizer_cnn)
sbs_nn.set_loaders(train_loader, val_loader)
print(model_cnn, sbs_nn.count_parameters())
sbs_nn.train(20)
print(round(sbs_nn.losses[0], 4), round(sbs_nn.losses[-1], 4), round(sbs_nn.val_losses[-1], 4))
print(sbs_nn.correct(x_val_tensor, y_val_tensor))
print(StepByStep.loader_apply(sbs_nn.val_loader, sbs_nn.correct))
print(StepByStep.loader_apply(sbs_nn.val_loader, sbs_nn.correct, reduce='mean'))
w_nn_hidden0 = model_cnn.hidden0.weight.detach()
w_nn_output = model_cnn.output.weight.detach()
print(w_nn_hidden0.shape, (w_nn_output @ w_nn_hidden0).shape)

# chapter 5: convolutions by hand
single = np.array(
    [
        [
            [
                [5, 0, 8, 7, 8, 1],
                [1, 9, 5, 0, 7, 7],
                [6, 0, 2, 4, 6, 6],
                [9, 7, 6, 6, 8, 4],
                [8, 3, 8, 5, 1, 3],
                [7, 2, 7, 0, 1, 0],
            ]
        ]
    ]
)
print(single.shape)
identity = np.array([[[[0, 0, 0], [0, 1, 0], [0, 0, 0]]]])
region = single[:, :, 0:3, 0:3]
filtered_region = region * identity
total = filtered_region.sum()
print(filtered_region, total)
new_region = single[:, :, 0:3, (0 + 1) : (3 + 1)]
print((new_region * identity).sum(), single[:, :, :, 4:7].shape)
image = torch.as_tensor(single).float()
kernel_identity = torch.as_tensor(identity).float()
convolved = F.conv2d(image, kernel_identity, stride=1)
print(convolved)
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, stride=1)
conv.weight = nn.Parameter(torch.as_tensor(identity).float())
conv.bias = nn.Parameter(torch.zeros(1))
print(conv(image))
conv_multiple = nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=1)
print(conv_multiple.weight.shape, conv_multiple.bias.shape)
convolved_stride2 = F.conv2d(image, kernel_identity, stride=2)
print(convolved_stride2)
constant_padder = nn.ConstantPad2d(padding=1, value=0)
print(constant_padder(image))
padded = F.pad(image, pad=(1, 1, 1, 1), mode='constant', value=0)
print(torch.equal(padded, constant_padder(image)))
replication_padder = nn.ReplicationPad2d(padding=1)
print(replication_padder(image)[0, 0, :3])
reflection_padder = nn.ReflectionPad2d(padding=1)
print(reflection_padder(image)[0, 0, :3])
circular = F.pad(image, pad=(1, 1, 1, 1), mode='circular')
print(circular[0, 0, :2])
edge = np.array([[[[0, 1, 0], [1, -4, 1], [0, 1, 0]]]])
kernel_edge = torch.as_tensor(edge).float()
padded = F.pad(image, pad=(1, 1, 1, 1), mode='constant', value=0)
conv_padded = F.conv2d(padded, kernel_edge, stride=1)
print(conv_padded)
pooled = F.max_pool2d(conv_padded, kernel_size=2)
print(pooled)
maxpool4 = nn.MaxPool2d(kernel_size=4)
print(maxpool4, maxpool4(conv_padded))
print(F.max_pool2d(conv_padded, kernel_size=3, stride=1).shape, F.relu(conv_padded)[0, 0, 0])
flattened = nn.Flatten()(pooled)
print(flattened, pooled.view(1, -1))

# forward hooks capturing what each layer produced
torch.manual_seed(13)
featurizer = nn.Sequential()
featurizer.add_module('conv1', nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3))
featurizer.add_module('relu1', nn.ReLU())
featurizer.add_module('maxp1', nn.MaxPool2d(kernel_size=2))
featurizer.add_module('flatten', nn.Flatten())
classifier = nn.Sequential()
classifier.add_module('fc1', nn.Linear(2, 3))
classifier.add_module('relu2', nn.ReLU())
classifier.add_module('fc2', nn.Linear(3, 3))
model_conv = nn.Sequential(featurizer, classifier)
print(model_conv)
print([name for name, _ in model_conv.named_modules()])

vertical = (images[:, 0] == 255).all(axis=1).any(axis=1)
three_labels = torch.as_tensor(labels * 2 + vertical).long()
print(three_labels[:12], three_labels.bincount())
multi_loss_fn = nn.CrossEntropyLoss(reduction='mean')
optimizer_conv = optim.SGD(model_conv.parameters(), lr=0.1)
sbs_conv = StepByStep(model_conv, multi_loss_fn, optimizer_conv)
conv_train = TensorDataset(normalizer(x_tensor[:160]), three_labels[:160])
conv_val = TensorDataset(normalizer(x_tensor[160:]), three_labels[160:])
sbs_conv.set_loaders(DataLoader(conv_train, batch_size=16, shuffle=True), DataLoader(conv_val, batch_size=16))
sbs_conv.train(10)
print(round(sbs_conv.losses[-1], 4), round(sbs_conv.val_losses[-1], 4))

layers_to_hook = ['0.conv1', '0.relu1', '0.maxp1', '0.flatten', '1.fc1', '1.relu2', '1.fc2']
sbs_conv.attach_hooks(layers_to_hook)
images_batch, labels_batch = next(iter(sbs_conv.val_loader))
logits = sbs_conv.predict(images_batch)
predicted = np.argmax(logits, 1)
sbs_conv.remove_hooks()
print(predicted, labels_batch)
print(list(sbs_conv.visualization.keys()))
print([(k, v.shape) for k, v in sbs_conv.visualization.items()])
print(sbs_conv.visualization['0.maxp1'][:2].round(4))
print(np.allclose(sbs_conv.visualization['1.fc2'], logits), sbs_conv.handles)
sbs_conv.predict(images_batch)
print(sbs_conv.visualization['1.fc2'].shape)
print(sbs_conv.correct(images_batch, labels_batch))

log_softmax = nn.LogSoftmax(dim=-1)
dummy_logits = torch.tensor([[1.0, 2.0, 3.0], [1.5, 0.5, -0.5]])
dummy_labels = torch.tensor([2, 0])
print(F.softmax(dummy_logits, dim=-1), log_softmax(dummy_logits))
print(nn.NLLLoss()(log_softmax(dummy_logits), dummy_labels), nn.CrossEntropyLoss()(dummy_logits, dummy_labels))
print(
    nn.NLLLoss(weight=torch.tensor([1.0, 1.0, 2.0]))(log_softmax(dummy_logits), dummy_labels),
    nn.NLLLoss(ignore_index=2)(log_softmax(dummy_logits), dummy_labels),
)
