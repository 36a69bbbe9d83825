# Geometric augmentation of digit images as MNIST training scripts write it (pytorch/examples-style and Korean
# lab notebooks): transforms.Compose([RandomRotation(10), RandomAffine(degrees=0, translate=(0.1, 0.1)),
# Normalize((0.1307,), (0.3081,))]) on 1x12x12 tensors of a drawn stroke, printed, applied inside a Dataset;
# the functional forms TF.rotate (nearest and bilinear, fill, expand=True, center) and TF.affine (translate,
# scale, shear) on float and uint8 images; RandomAffine with scale and four shear bounds; the reprs.
import torch
import torchvision.transforms as T
import torchvision.transforms.functional as TF
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(7)
digit = torch.zeros(1, 12, 12)
digit[0, 2:10, 5:7] = 1.0  # a "1"
digit[0, 2:4, 3:5] = 0.6
print(TF.rotate(digit, 30)[0])
print(TF.rotate(digit, 45, interpolation=T.InterpolationMode.BILINEAR, fill=[0.5])[0, 3:8])
print(TF.rotate(digit, -20, expand=True).shape, TF.rotate(digit, 90, center=[3, 4])[0, :4])
print(TF.affine(digit, angle=10.0, translate=[1, -2], scale=1.2, shear=[5.0, 3.0])[0, 2:9])
rgb = torch.rand(3, 7, 9)
u8 = (rgb * 255).to(torch.uint8)
print(TF.rotate(u8, 33, fill=[255.0, 0.0, 0.0])[0], TF.affine(u8, 0, [0, 0], 0.8, 15)[1])

train_tf = T.Compose([
    T.RandomRotation(10),
    T.RandomAffine(degrees=0, translate=(0.1, 0.1)),
    T.Normalize((0.1307,), (0.3081,)),
])
print(train_tf)
print(T.RandomAffine(degrees=15, translate=(0.1, 0.2), scale=(0.8, 1.2), shear=(-8, 8, -4, 4)))
print(T.RandomRotation((0, 90), expand=True, center=(1, 1), fill=0.5), T.RandomAffine(5, fill=1))


class Digits(Dataset):
    def __init__(self, n, transform):
        self.images = digit.repeat(n, 1, 1, 1) * torch.rand(n, 1, 1, 1)
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        return self.transform(self.images[i]), i % 3


loader = DataLoader(Digits(4, train_tf), batch_size=2, shuffle=True)
for xb, yb in loader:
    print(xb.shape, yb, xb.sum(dim=(1, 2, 3)))
print(xb[0, 0, 1:11, 3:9])
shear_aug = T.RandomAffine(degrees=10, translate=(0.1, 0.1), scale=(0.9, 1.1), shear=(-5, 5, -3, 3))
for _ in range(2):
    print(shear_aug(u8)[2])
print(T.RandomRotation(10)(rgb.unsqueeze(0).repeat(2, 1, 1, 1)).shape, torch.rand(2))
