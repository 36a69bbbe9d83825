# Zero to Mastery "Learn PyTorch for Deep Learning", 03 Computer Vision and 04 Custom Datasets, on generated
# images instead of downloads. 03: a FashionMNIST-shaped Dataset (classes, data, targets, 1x28x28 items), the
# DataLoader batches, nn.Flatten, FashionMNISTModelV0/V1 and the TinyVGG FashionMNISTModelV2, an accuracy_fn,
# timeit's default_timer around training, epochs wrapped in tqdm.auto's tqdm, `train_loss += loss` kept as a
# tensor and printed with `{train_loss:.5f}`, train_step/test_step/eval_model helpers returning a dict with
# model.__class__.__name__, the Conv2d/MaxPool2d walk-through on torch.randn(size=(32, 3, 64, 64)) (an
# unbatched image, kernel_size=(5, 5)), make_predictions over random.sample(list(test_data), k=9), a confusion
# matrix (sklearn's, for torchmetrics') and the state_dict saved and loaded through pathlib. 04: uint8 images
# saved with torch.save as .pt files in a pizza/steak/sushi train/test tree made in a temporary folder, walked
# with os.walk, read back by torchvision's DatasetFolder (torch.load as the loader: there is no Pillow) and by
# an ImageFolderCustom Dataset (os.scandir find_classes, pathlib glob, path.parent.name), transforms.Compose
# with ConvertImageDtype, Resize and RandomHorizontalFlip, TinyVGG trained by train()/train_step()/test_step() with Adam, the results dict,
# loss curves, and a "custom image" predicted after the uint8 error, scaling, resizing and unsqueeze(dim=0).
# The tqdm bars are written to stdout without timings (bar_format) and the loops inside them print with
# tqdm.write (a print() would continue the bar's line, at tqdm's own pace), so they print the same everywhere;
# training times are checked, not printed; DataLoaders keep num_workers=0 (the notebook's os.cpu_count()
# workers would seed random transforms per worker).
import os
import random
import sys
import tempfile
from pathlib import Path
from timeit import default_timer as timer
from typing import Dict, List, Tuple

import matplotlib.pyplot as plt
import numpy as np
import torch
from sklearn.metrics import confusion_matrix
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets, transforms
from tqdm.auto import tqdm

BAR = '{l_bar}{bar}| {n_fmt}/{total_fmt}'
device = "cuda" if torch.cuda.is_available() else "cpu"

# ---- 03: computer vision ----
class_names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat']


class FashionLike(Dataset):
    """Gray 28x28 items: a class-dependent bright band on noise, as uint8 data like FashionMNIST's."""

    def __init__(self, n, seed):
        g = torch.Generator().manual_seed(seed)
        self.classes = class_names
        self.targets = torch.randint(0, len(class_names), (n,), generator=g)
        noise = torch.rand(n, 28, 28, generator=g) * 120
        for i in range(n):
            k = int(self.targets[i])
            noise[i, 3 + 4 * k: 7 + 4 * k, :] += 130
        self.data = noise.type(torch.uint8)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.data[index].unsqueeze(dim=0).type(torch.float32) / 255, int(self.targets[index])


train_data = FashionLike(160, seed=0)
test_data = FashionLike(64, seed=1)
image, label = train_data[0]
print(image.shape, label, image.dtype, image.min(), image.max())
print(len(train_data.data), len(train_data.targets), len(test_data.data), len(test_data.targets))
print(train_data.classes, train_data.data.dtype)
plt.imshow(image.squeeze(), cmap="gray")
plt.title(class_names[label])
plt.close()
torch.manual_seed(42)
fig = plt.figure(figsize=(9, 9))
rows, cols = 4, 4
for i in range(1, rows * cols + 1):
    random_idx = torch.randint(0, len(train_data), size=[1]).item()
    img, label = train_data[random_idx]
    fig.add_subplot(rows, cols, i)
    plt.imshow(img.squeeze(), cmap="gray")
    plt.title(class_names[label])
    plt.axis(False)
plt.close()
print(random_idx)

BATCH_SIZE = 32
train_dataloader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=BATCH_SIZE, shuffle=False)
print(f"Length of train dataloader: {len(train_dataloader)} batches of {BATCH_SIZE}")
print(f"Length of test dataloader: {len(test_dataloader)} batches of {BATCH_SIZE}")
train_features_batch, train_labels_batch = next(iter(train_dataloader))
print(train_features_batch.shape, train_labels_batch.shape, train_labels_batch[:8])

flatten_model = nn.Flatten()
x = train_features_batch[0]
output = flatten_model(x)
print(f"Shape before flattening: {x.shape} -> [color_channels, height, width]")
print(f"Shape after flattening: {output.shape} -> [color_channels, height*width]")


class FashionMNISTModelV0(nn.Module):
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.layer_stack = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=input_shape, out_features=hidden_units),
            nn.Linear(in_features=hidden_units, out_features=output_shape)
        )

    def forward(self, x):
        return self.layer_stack(x)


torch.manual_seed(42)
model_0 = FashionMNISTModelV0(input_shape=784, hidden_units=10, output_shape=len(class_names))
print(model_0.to("cpu"))


def accuracy_fn(y_true, y_pred):
    correct = torch.eq(y_true, y_pred).sum().item()
    acc = (correct / len(y_pred)) * 100
    return acc


def print_train_time(start: float, end: float, device: torch.device = None):
    total_time = end - start
    print(f"Train time on {device}: measured {total_time > 0}")
    return total_time


loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_0.parameters(), lr=0.1)
torch.manual_seed(42)
train_time_start_on_cpu = timer()
epochs = 2
for epoch in tqdm(range(epochs), file=sys.stdout, bar_format=BAR):
    tqdm.write(f"Epoch: {epoch}\n-------")
    train_loss = 0
    for batch, (X, y) in enumerate(train_dataloader):
        model_0.train()
        y_pred = model_0(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if batch % 2 == 0:
            tqdm.write(f"Looked at {batch * len(X)}/{len(train_dataloader.dataset)} samples")
    train_loss /= len(train_dataloader)
    test_loss, test_acc = 0, 0
    model_0.eval()
    with torch.inference_mode():
        for X, y in test_dataloader:
            test_pred = model_0(X)
            test_loss += loss_fn(test_pred, y)
            test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1))
        test_loss /= len(test_dataloader)
        test_acc /= len(test_dataloader)
    tqdm.write(f"\nTrain loss: {train_loss:.5f} | Test loss: {test_loss:.5f}, Test acc: {test_acc:.2f}%\n")
print(train_loss.grad_fn is not None, train_loss.requires_grad)
train_time_end_on_cpu = timer()
total_train_time_model_0 = print_train_time(start=train_time_start_on_cpu,
                                            end=train_time_end_on_cpu,
                                            device=str(next(model_0.parameters()).device))


def eval_model(model: torch.nn.Module,
               data_loader: torch.utils.data.DataLoader,
               loss_fn: torch.nn.Module,
               accuracy_fn,
               device: torch.device = device):
    loss, acc = 0, 0
    model.eval()
    with torch.inference_mode():
        for X, y in data_loader:
            X, y = X.to(device), y.to(device)
            y_pred = model(X)
            loss += loss_fn(y_pred, y)
            acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
        loss /= len(data_loader)
        acc /= len(data_loader)
    return {"model_name": model.__class__.__name__,
            "model_loss": loss.item(),
            "model_acc": acc}


torch.manual_seed(42)
model_0_results = eval_model(model=model_0, data_loader=test_dataloader, loss_fn=loss_fn, accuracy_fn=accuracy_fn)
print(model_0_results)


class FashionMNISTModelV1(nn.Module):
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.layer_stack = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=input_shape, out_features=hidden_units),
            nn.ReLU(),
            nn.Linear(in_features=hidden_units, out_features=output_shape),
            nn.ReLU()
        )

    def forward(self, x: torch.Tensor):
        return self.layer_stack(x)


torch.manual_seed(42)
model_1 = FashionMNISTModelV1(input_shape=784, hidden_units=10, output_shape=len(class_names)).to(device)
print(next(model_1.parameters()).device)


def train_step(model: torch.nn.Module,  # pyright: ignore[reportRedeclaration] (notebook 04 redefines it)
               data_loader: torch.utils.data.DataLoader,
               loss_fn: torch.nn.Module,
               optimizer: torch.optim.Optimizer,
               accuracy_fn,
               device: torch.device = device):
    train_loss, train_acc = 0, 0
    model.to(device)
    for batch, (X, y) in enumerate(data_loader):
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss
        train_acc += accuracy_fn(y_true=y, y_pred=y_pred.argmax(dim=1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    train_loss /= len(data_loader)
    train_acc /= len(data_loader)
    tqdm.write(f"Train loss: {train_loss:.5f} | Train accuracy: {train_acc:.2f}%")


def test_step(data_loader: torch.utils.data.DataLoader,  # pyright: ignore[reportRedeclaration]
              model: torch.nn.Module,
              loss_fn: torch.nn.Module,
              accuracy_fn,
              device: torch.device = device):
    test_loss, test_acc = 0, 0
    model.to(device)
    model.eval()
    with torch.inference_mode():
        for X, y in data_loader:
            X, y = X.to(device), y.to(device)
            test_pred = model(X)
            test_loss += loss_fn(test_pred, y)
            test_acc += accuracy_fn(y_true=y, y_pred=test_pred.argmax(dim=1))
        test_loss /= len(data_loader)
        test_acc /= len(data_loader)
        tqdm.write(f"Test loss: {test_loss:.5f} | Test accuracy: {test_acc:.2f}%\n")


loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_1.parameters(), lr=0.1)
torch.manual_seed(42)
train_time_start_on_gpu = timer()
for epoch in tqdm(range(epochs), file=sys.stdout, bar_format=BAR):
    tqdm.write(f"Epoch: {epoch}\n---------")
    train_step(data_loader=train_dataloader, model=model_1, loss_fn=loss_fn, optimizer=optimizer,
               accuracy_fn=accuracy_fn)
    test_step(data_loader=test_dataloader, model=model_1, loss_fn=loss_fn, accuracy_fn=accuracy_fn)
total_train_time_model_1 = print_train_time(start=train_time_start_on_gpu, end=timer(), device=device)
model_1_results = eval_model(model=model_1, data_loader=test_dataloader, loss_fn=loss_fn, accuracy_fn=accuracy_fn,
                             device=device)
print(model_1_results)


class FashionMNISTModelV2(nn.Module):
    """TinyVGG, as the CNN Explainer website draws it."""

    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.block_1 = nn.Sequential(
            nn.Conv2d(in_channels=input_shape,
                      out_channels=hidden_units,
                      kernel_size=3,
                      stride=1,
                      padding=1),
            nn.ReLU(),
            nn.Conv2d(in_channels=hidden_units,
                      out_channels=hidden_units,
                      kernel_size=3,
                      stride=1,
                      padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2,
                         stride=2)
        )
        self.block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1),
            nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=hidden_units * 7 * 7,
                      out_features=output_shape)
        )

    def forward(self, x: torch.Tensor):
        x = self.block_1(x)
        x = self.block_2(x)
        x = self.classifier(x)
        return x


torch.manual_seed(42)
model_2 = FashionMNISTModelV2(input_shape=1, hidden_units=8, output_shape=len(class_names)).to(device)
print(model_2)

torch.manual_seed(42)
images = torch.randn(size=(32, 3, 64, 64))
test_image = images[0]
print(f"Image batch shape: {images.shape} -> [batch_size, color_channels, height, width]")
print(f"Single image shape: {test_image.shape} -> [color_channels, height, width]")
print(f"Single image pixel values:\n{test_image[:, :2, :3]}")
torch.manual_seed(42)
conv_layer = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=3, stride=1, padding=0)
print(conv_layer(test_image).shape)
print(test_image.unsqueeze(dim=0).shape, conv_layer(test_image.unsqueeze(dim=0)).shape)
torch.manual_seed(42)
conv_layer_2 = nn.Conv2d(in_channels=3, out_channels=10, kernel_size=(5, 5), stride=2, padding=0)
print(conv_layer_2, conv_layer_2(test_image.unsqueeze(dim=0)).shape)
print(conv_layer_2.state_dict()["bias"])
print(f"conv_layer_2 weight shape: \n{conv_layer_2.weight.shape} -> [out_channels=10, in_channels=3, kernel_size=5, kernel_size=5]")
print(f"\nconv_layer_2 bias shape: \n{conv_layer_2.bias.shape} -> [out_channels=10]")
max_pool_layer = nn.MaxPool2d(kernel_size=2)
test_image_through_conv = conv_layer(test_image.unsqueeze(dim=0))
print(f"Shape after going through conv_layer(): {test_image_through_conv.shape}")
test_image_through_conv_and_max_pool = max_pool_layer(test_image_through_conv)
print(f"Shape after going through conv_layer() and max_pool_layer(): {test_image_through_conv_and_max_pool.shape}")
torch.manual_seed(42)
random_tensor = torch.randn(size=(1, 1, 2, 2))
print(f"Random tensor:\n{random_tensor}")
max_pool_tensor = max_pool_layer(random_tensor)
print(f"\nMax pool tensor:\n{max_pool_tensor} <- this is the maximum value from random_tensor")
print(f"Max pool tensor shape: {max_pool_tensor.shape}")
try:
    conv_layer(torch.randn(2, 3, 3, 8, 8))
except RuntimeError as e:
    print(f"RuntimeError: {e}")

loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(params=model_2.parameters(), lr=0.1)
torch.manual_seed(42)
train_time_start_model_2 = timer()
for epoch in tqdm(range(epochs), file=sys.stdout, bar_format=BAR):
    tqdm.write(f"Epoch: {epoch}\n---------")
    train_step(data_loader=train_dataloader, model=model_2, loss_fn=loss_fn, optimizer=optimizer,
               accuracy_fn=accuracy_fn, device=device)
    test_step(data_loader=test_dataloader, model=model_2, loss_fn=loss_fn, accuracy_fn=accuracy_fn, device=device)
total_train_time_model_2 = print_train_time(start=train_time_start_model_2, end=timer(), device=device)
model_2_results = eval_model(model=model_2, data_loader=test_dataloader, loss_fn=loss_fn, accuracy_fn=accuracy_fn)
print(model_2_results)
for results in [model_0_results, model_1_results, model_2_results]:
    print(f"{results['model_name']:<20} {results['model_loss']:.4f} {results['model_acc']:.2f}")


def make_predictions(model: torch.nn.Module, data: list, device: torch.device = device):
    pred_probs = []
    model.eval()
    with torch.inference_mode():
        for sample in data:
            sample = torch.unsqueeze(sample, dim=0).to(device)
            pred_logit = model(sample)
            pred_prob = torch.softmax(pred_logit.squeeze(), dim=0)
            pred_probs.append(pred_prob.cpu())
    return torch.stack(pred_probs)


random.seed(42)
test_samples = []
test_labels = []
for sample, label in random.sample(list(test_data), k=9):
    test_samples.append(sample)
    test_labels.append(label)
print(f"Test sample image shape: {test_samples[0].shape}\nTest sample label: {test_labels[0]} ({class_names[test_labels[0]]})")
pred_probs = make_predictions(model=model_2, data=test_samples)
print(pred_probs[:2])
pred_classes = pred_probs.argmax(dim=1)
print(test_labels, pred_classes)
plt.figure(figsize=(9, 9))
for i, sample in enumerate(test_samples):
    plt.subplot(3, 3, i + 1)
    plt.imshow(sample.squeeze(), cmap="gray")
    pred_label = class_names[pred_classes[i]]
    truth_label = class_names[test_labels[i]]
    title_text = f"Pred: {pred_label} | Truth: {truth_label}"
    plt.title(title_text, fontsize=10, c="g" if pred_label == truth_label else "r")
    plt.axis(False)
plt.close()

y_preds = []
model_2.eval()
with torch.inference_mode():
    for X, y in tqdm(test_dataloader, desc="Making predictions", file=sys.stdout, bar_format=BAR):
        y_logit = model_2(X.to(device))
        y_pred = torch.softmax(y_logit, dim=1).argmax(dim=1)
        y_preds.append(y_pred.cpu())
y_pred_tensor = torch.cat(y_preds)
print(y_pred_tensor[:10], y_pred_tensor.shape)
print(confusion_matrix(test_data.targets, y_pred_tensor))

work_dir = Path(tempfile.mkdtemp())
os.chdir(work_dir)
MODEL_PATH = Path("models")
MODEL_PATH.mkdir(parents=True, exist_ok=True)
MODEL_SAVE_PATH = MODEL_PATH / "03_pytorch_computer_vision_model_2.pth"
print(f"Saving model to: {MODEL_SAVE_PATH}")
torch.save(obj=model_2.state_dict(), f=MODEL_SAVE_PATH)
loaded_model_2 = FashionMNISTModelV2(input_shape=1, hidden_units=8, output_shape=len(class_names))
loaded_model_2.load_state_dict(torch.load(f=MODEL_SAVE_PATH))
loaded_model_2 = loaded_model_2.to(device)
torch.manual_seed(42)
loaded_model_2_results = eval_model(model=loaded_model_2, data_loader=test_dataloader, loss_fn=loss_fn,
                                    accuracy_fn=accuracy_fn)
print(loaded_model_2_results)
print(torch.isclose(torch.tensor(model_2_results["model_loss"]),
                    torch.tensor(loaded_model_2_results["model_loss"]),
                    atol=1e-08, rtol=0.0001))

# ---- 04: custom datasets ----
data_path = Path("data/")
image_path = data_path / "pizza_steak_sushi"
if image_path.is_dir():
    print(f"{image_path} directory exists.")
else:
    print(f"Did not find {image_path} directory, creating one...")
    image_path.mkdir(parents=True, exist_ok=True)
    g = torch.Generator().manual_seed(0)
    colours = {"pizza": (200, 80, 40), "steak": (120, 50, 40), "sushi": (230, 230, 220)}
    for split, count in (("train", 12), ("test", 4)):
        for food, colour in colours.items():
            (image_path / split / food).mkdir(parents=True, exist_ok=True)
            for i in range(count):
                img = torch.randint(0, 60, (3, 40, 40), generator=g) + torch.tensor(colour).view(3, 1, 1) * (
                    0.6 + 0.4 * torch.rand(1, generator=g))
                img[:, : 20 if food == "pizza" else 40, :10] = 255
                torch.save(img.clamp(0, 255).type(torch.uint8), image_path / split / food / f"{food}_{i:03d}.pt")


def walk_through_dir(dir_path):
    for dirpath, dirnames, filenames in sorted(os.walk(dir_path)):
        print(f"There are {len(dirnames)} directories and {len(filenames)} images in '{dirpath}'.")


walk_through_dir(image_path)
train_dir = image_path / "train"
test_dir = image_path / "test"
print(train_dir, test_dir)

random.seed(42)
image_path_list = sorted(image_path.glob("*/*/*.pt"))
random_image_path = random.choice(image_path_list)
image_class = random_image_path.parent.stem
img = torch.load(random_image_path)
print(f"Random image path: {random_image_path}")
print(f"Image class: {image_class}")
print(f"Image height: {img.shape[1]}")
print(f"Image width: {img.shape[2]}")
img_as_array = np.asarray(img.permute(1, 2, 0))
plt.figure(figsize=(10, 7))
plt.imshow(img_as_array)
plt.title(f"Image class: {image_class} | Image shape: {img_as_array.shape} -> [height, width, color_channels]")
print(img_as_array.shape, img_as_array.dtype)
plt.axis(False)
plt.close()

data_transform = transforms.Compose([
    transforms.ConvertImageDtype(torch.float32),
    transforms.Resize(size=(32, 32)),
    transforms.RandomHorizontalFlip(p=0.5),
])
print(data_transform)
torch.manual_seed(0)
transformed = data_transform(img)
print(transformed.shape, transformed.dtype, transformed[0, 0, :4])

train_data = datasets.DatasetFolder(root=train_dir, loader=torch.load, extensions=(".pt",),
                                    transform=data_transform, target_transform=None)
test_data = datasets.DatasetFolder(root=test_dir, loader=torch.load, extensions=(".pt",),
                                   transform=transforms.Compose([transforms.ConvertImageDtype(torch.float32),
                                                                 transforms.Resize(size=(32, 32))]))
print(f"Train data:\n{train_data}\nTest data:\n{test_data}")
class_names = train_data.classes
print(class_names, train_data.class_to_idx, len(train_data), len(test_data))
print(train_data.samples[0], train_data.targets[:14])
img, label = train_data[0][0], train_data[0][1]
print(f"Image shape: {img.shape}")
print(f"Image datatype: {img.dtype}")
print(f"Image label: {label}")
print(f"Label datatype: {type(label)}")
img_permute = img.permute(1, 2, 0)
print(f"Original shape: {img.shape} -> [color_channels, height, width]")
print(f"Image permute shape: {img_permute.shape} -> [height, width, color_channels]")


def find_classes(directory: str) -> Tuple[List[str], Dict[str, int]]:
    classes = sorted(entry.name for entry in os.scandir(directory) if entry.is_dir())
    if not classes:
        raise FileNotFoundError(f"Couldn't find any classes in {directory}.")
    class_to_idx = {cls_name: i for i, cls_name in enumerate(classes)}
    return classes, class_to_idx


print(find_classes(train_dir))


class ImageFolderCustom(Dataset):
    def __init__(self, targ_dir: str, transform=None) -> None:
        self.paths = sorted(Path(targ_dir).glob("*/*.pt"))
        self.transform = transform
        self.classes, self.class_to_idx = find_classes(targ_dir)

    def load_image(self, index: int) -> torch.Tensor:
        return torch.load(self.paths[index])

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> Tuple[torch.Tensor, int]:
        img = self.load_image(index)
        class_name = self.paths[index].parent.name
        class_idx = self.class_to_idx[class_name]
        if self.transform:
            return self.transform(img), class_idx
        return img, class_idx


simple_transform = transforms.Compose([transforms.ConvertImageDtype(torch.float32), transforms.Resize((32, 32))])
train_data_custom = ImageFolderCustom(targ_dir=train_dir, transform=simple_transform)
test_data_custom = ImageFolderCustom(targ_dir=test_dir, transform=simple_transform)
print(len(train_data_custom), len(test_data_custom))
print((len(train_data_custom) == len(train_data)) & (len(test_data_custom) == len(test_data)))
print(train_data_custom.classes == train_data.classes)
print(train_data_custom.class_to_idx == train_data.class_to_idx)
print(torch.equal(train_data_custom[5][0], test_data.transform(torch.load(train_data.samples[5][0]))))
try:
    find_classes(test_dir / "pizza")
except FileNotFoundError as e:
    print(f"FileNotFoundError: {e}")

BATCH_SIZE = 8
torch.manual_seed(42)
train_dataloader_simple = DataLoader(train_data_custom, batch_size=BATCH_SIZE, shuffle=True, num_workers=0)
test_dataloader_simple = DataLoader(test_data_custom, batch_size=BATCH_SIZE, shuffle=False, num_workers=0)
img_custom, label_custom = next(iter(train_dataloader_simple))
print(f"Image shape: {img_custom.shape} -> [batch_size, color_channels, height, width]")
print(f"Label shape: {label_custom.shape}")


class TinyVGG(nn.Module):
    def __init__(self, input_shape: int, hidden_units: int, output_shape: int) -> None:
        super().__init__()
        self.conv_block_1 = nn.Sequential(
            nn.Conv2d(in_channels=input_shape, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.Conv2d(in_channels=hidden_units, out_channels=hidden_units, kernel_size=3, stride=1, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2)
        )
        self.conv_block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2)
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(in_features=hidden_units * 8 * 8, out_features=output_shape)
        )

    def forward(self, x: torch.Tensor):
        return self.classifier(self.conv_block_2(self.conv_block_1(x)))


torch.manual_seed(42)
model_0 = TinyVGG(input_shape=3, hidden_units=10, output_shape=len(train_data.classes)).to(device)
print(model_0)
print(sum(p.numel() for p in model_0.parameters()), sum(p.numel() for p in model_0.parameters() if p.requires_grad))
img_batch, label_batch = next(iter(train_dataloader_simple))
img_single, label_single = img_batch[0].unsqueeze(dim=0), label_batch[0]
print(f"Single image shape: {img_single.shape}\n")
model_0.eval()
with torch.inference_mode():
    pred = model_0(img_single.to(device))
print(f"Output logits:\n{pred}\n")
print(f"Output prediction probabilities:\n{torch.softmax(pred, dim=1)}\n")
print(f"Output prediction label:\n{torch.argmax(torch.softmax(pred, dim=1), dim=1)}\n")
print(f"Actual label:\n{label_single}")


# Notebook 04 defines its own train_step/test_step, returning (loss, accuracy) instead of printing them.
def train_step(model, dataloader, loss_fn, optimizer):
    model.train()
    train_loss, train_acc = 0, 0
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        y_pred_class = torch.argmax(torch.softmax(y_pred, dim=1), dim=1)
        train_acc += (y_pred_class == y).sum().item() / len(y_pred)
    return train_loss / len(dataloader), train_acc / len(dataloader)


def test_step(model, dataloader, loss_fn):
    model.eval()
    test_loss, test_acc = 0, 0
    with torch.inference_mode():
        for batch, (X, y) in enumerate(dataloader):
            X, y = X.to(device), y.to(device)
            test_pred_logits = model(X)
            loss = loss_fn(test_pred_logits, y)
            test_loss += loss.item()
            test_pred_labels = test_pred_logits.argmax(dim=1)
            test_acc += ((test_pred_labels == y).sum().item() / len(test_pred_labels))
    return test_loss / len(dataloader), test_acc / len(dataloader)


def train(model: torch.nn.Module,
          train_dataloader: torch.utils.data.DataLoader,
          test_dataloader: torch.utils.data.DataLoader,
          optimizer: torch.optim.Optimizer,
          loss_fn: torch.nn.Module = nn.CrossEntropyLoss(),
          epochs: int = 5):
    results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
    for epoch in tqdm(range(epochs), file=sys.stdout, bar_format=BAR):
        train_loss, train_acc = train_step(model=model, dataloader=train_dataloader, loss_fn=loss_fn,
                                           optimizer=optimizer)
        test_loss, test_acc = test_step(model=model, dataloader=test_dataloader, loss_fn=loss_fn)
        tqdm.write(
            f"Epoch: {epoch+1} | "
            f"train_loss: {train_loss:.4f} | "
            f"train_acc: {train_acc:.4f} | "
            f"test_loss: {test_loss:.4f} | "
            f"test_acc: {test_acc:.4f}"
        )
        results["train_loss"].append(train_loss.item() if isinstance(train_loss, torch.Tensor) else train_loss)
        results["train_acc"].append(train_acc.item() if isinstance(train_acc, torch.Tensor) else train_acc)
        results["test_loss"].append(test_loss.item() if isinstance(test_loss, torch.Tensor) else test_loss)
        results["test_acc"].append(test_acc.item() if isinstance(test_acc, torch.Tensor) else test_acc)
    return results


torch.manual_seed(42)
torch.cuda.manual_seed(42)
NUM_EPOCHS = 3
model_0 = TinyVGG(input_shape=3, hidden_units=10, output_shape=len(train_data.classes)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(params=model_0.parameters(), lr=0.001)
start_time = timer()
model_0_results = train(model=model_0, train_dataloader=train_dataloader_simple,
                        test_dataloader=test_dataloader_simple, optimizer=optimizer, loss_fn=loss_fn,
                        epochs=NUM_EPOCHS)
end_time = timer()
print(f"Total training time measured: {end_time - start_time > 0}")
print(model_0_results.keys())
print({k: [round(v, 4) for v in vs] for k, vs in model_0_results.items()})


def plot_loss_curves(results: Dict[str, List[float]]):
    epochs = range(len(results['train_loss']))
    plt.figure(figsize=(15, 7))
    plt.subplot(1, 2, 1)
    plt.plot(epochs, results['train_loss'], label='train_loss')
    plt.plot(epochs, results['test_loss'], label='test_loss')
    plt.title('Loss')
    plt.xlabel('Epochs')
    plt.legend()
    plt.subplot(1, 2, 2)
    plt.plot(epochs, results['train_acc'], label='train_accuracy')
    plt.plot(epochs, results['test_acc'], label='test_accuracy')
    plt.title('Accuracy')
    plt.xlabel('Epochs')
    plt.legend()
    plt.close()


plot_loss_curves(model_0_results)

# A "custom image": uint8 pixels straight from the file fail, then float / 255, resized, batched.
custom_image_uint8 = torch.load(test_dir / "sushi" / "sushi_001.pt")
print(f"Custom image shape: {custom_image_uint8.shape}\n")
print(f"Custom image dtype: {custom_image_uint8.dtype}")
model_0.eval()
with torch.inference_mode():
    try:
        model_0(custom_image_uint8.to(device))
    except RuntimeError as e:
        print(f"RuntimeError: {e}")
custom_image = custom_image_uint8.type(torch.float32) / 255.
custom_image_transform = transforms.Compose([transforms.Resize((32, 32))])
custom_image_transformed = custom_image_transform(custom_image)
print(f"Original shape: {custom_image.shape}")
print(f"New shape: {custom_image_transformed.shape}")
with torch.inference_mode():
    custom_image_pred = model_0(custom_image_transformed.unsqueeze(dim=0).to(device))
print(f"Prediction logits: {custom_image_pred}")
custom_image_pred_probs = torch.softmax(custom_image_pred, dim=1)
print(f"Prediction probabilities: {custom_image_pred_probs}")
custom_image_pred_label = torch.argmax(custom_image_pred_probs, dim=1)
print(f"Prediction label: {custom_image_pred_label}")
custom_image_pred_class = class_names[custom_image_pred_label.cpu()]
print(custom_image_pred_class)
