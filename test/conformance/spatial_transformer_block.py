# A spatial-transformer block on made-up 8x8 images: a localisation net regresses theta (initialised to the
# identity), F.affine_grid + F.grid_sample warp the input, a small classifier reads the warped image, and a few
# SGD steps train both. Then the samplers' options on a fixed image.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(3)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.localization = nn.Sequential(nn.Conv2d(1, 4, kernel_size=3), nn.MaxPool2d(2, stride=2), nn.ReLU(True))
        self.fc_loc = nn.Sequential(nn.Linear(4 * 3 * 3, 8), nn.ReLU(True), nn.Linear(8, 3 * 2))
        self.fc_loc[2].weight.data.zero_()
        self.fc_loc[2].bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))
        self.classifier = nn.Linear(64, 3)

    def stn(self, x):
        xs = self.localization(x)
        xs = xs.view(-1, 4 * 3 * 3)
        theta = self.fc_loc(xs)
        theta = theta.view(-1, 2, 3)
        grid = F.affine_grid(theta, x.size(), align_corners=False)
        x = F.grid_sample(x, grid, align_corners=False)
        return x, theta

    def forward(self, x):
        x, theta = self.stn(x)
        return F.log_softmax(self.classifier(x.view(-1, 64)), dim=1), theta


images = torch.randn(6, 1, 8, 8)
labels = torch.tensor([0, 1, 2, 0, 1, 2])
model = Net()
print(model)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
for step in range(5):
    optimizer.zero_grad()
    output, theta = model(images)
    loss = F.nll_loss(output, labels)
    loss.backward()
    optimizer.step()
    print(f'step {step}: loss {loss.item():.6f}')
print('theta[0]', theta[0])
print('fc_loc bias grad', model.fc_loc[2].bias.grad)
with torch.no_grad():
    warped, _ = model.stn(images[:1])
print('warped row', warped[0, 0, 3])

# The sampler's options on a fixed image, with a rotation and a zoom.
img = torch.arange(16.0).view(1, 1, 4, 4)
angle = torch.tensor(0.3)
rot = torch.stack([torch.stack([angle.cos(), -angle.sin(), torch.tensor(0.1)]),
                   torch.stack([angle.sin(), angle.cos(), torch.tensor(0.0)])]).unsqueeze(0)
zoom = torch.tensor([[[1.4, 0.0, 0.0], [0.0, 1.4, 0.0]]])
for name, theta in (('rotate', rot), ('zoom out', zoom)):
    for align in (False, True):
        grid = F.affine_grid(theta, img.size(), align_corners=align)
        print(name, 'align_corners', align, 'grid corner', grid[0, 0, 0])
        for mode in ('bilinear', 'nearest'):
            for padding in ('zeros', 'border', 'reflection'):
                out = F.grid_sample(img, grid, mode=mode, padding_mode=padding, align_corners=align)
                print(f'  {mode:8} {padding:10}', out[0, 0].flatten()[:6])
grid = F.affine_grid(zoom, (1, 1, 3, 3), align_corners=False).requires_grad_()
src = img.clone().requires_grad_()
out = F.grid_sample(src, grid, padding_mode='border', align_corners=False)
out.sum().backward()
print(out.grad_fn.name(), src.grad, grid.grad[0, :, :, 0])
try:
    F.grid_sample(img, grid, mode='cubic')
except ValueError as e:
    print('ValueError:', e)
