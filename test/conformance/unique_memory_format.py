# Two corners of the tensor API that performance and data-prep notes reach for: torch.unique with
# sorted=False (label sets, vocabulary ids, return_inverse/return_counts) and unique_consecutive, and
# memory_format=torch.channels_last (the "channels last" recipe: converting inputs and checking strides).
import torch
import torch.nn as nn

torch.manual_seed(7)

# --- unique -------------------------------------------------------------------------------------------
labels = torch.randint(0, 10, (40,))
print('labels', labels.tolist())
print('sorted  ', torch.unique(labels).tolist())
print('unsorted', torch.unique(labels, sorted=False).tolist())
values, inverse, counts = torch.unique(labels, sorted=False, return_inverse=True, return_counts=True)
print(values, inverse[:12], counts, sep='\n')
print('rebuilt equal:', torch.equal(values[inverse], labels))

word_ids = torch.tensor([[101, 7592, 2088, 102], [101, 2088, 2003, 102]])
vocab, ids = word_ids.unique(sorted=False, return_inverse=True)
print(vocab, ids, sep='\n')

scores = torch.round(torch.randn(25) * 2) / 2
print(torch.unique(scores, sorted=False))
print(torch.unique(scores, return_counts=True))
print(torch.unique(scores.double(), sorted=False))
print(torch.unique(torch.randint(-5, 5, (30,), dtype=torch.int32), sorted=False))
print(torch.unique(torch.tensor([True, False, True, True]), sorted=False, return_counts=True))
print(torch.unique(torch.tensor([[1, 2], [1, 2], [0, 5]]), dim=0, return_inverse=True))

runs = torch.tensor([1, 1, 2, 2, 3, 1, 1, 2])
print(torch.unique_consecutive(runs))
print(torch.unique_consecutive(runs, return_inverse=True, return_counts=True))
print(runs.unique_consecutive(return_counts=True))

# --- memory_format ------------------------------------------------------------------------------------
print(torch.channels_last, torch.contiguous_format, torch.preserve_format, type(torch.channels_last))
images = torch.randn(2, 3, 4, 5)
print('NCHW strides', images.stride(), images.is_contiguous(),
      images.is_contiguous(memory_format=torch.channels_last))
nhwc = images.to(memory_format=torch.channels_last)
print('channels_last strides', nhwc.stride(), nhwc.is_contiguous(),
      nhwc.is_contiguous(memory_format=torch.channels_last))
print('same values:', torch.equal(nhwc, images), nhwc.shape)
again = images.contiguous(memory_format=torch.channels_last)
print(again.stride(), again.contiguous().stride(), again.contiguous().is_contiguous())
print(nhwc.clone().stride(), torch.zeros_like(nhwc).stride(), torch.empty_like(nhwc).shape)
buffer = torch.empty(2, 3, 4, 5, memory_format=torch.channels_last)
print('empty channels_last', buffer.stride())
buffer.copy_(images)
print('copied equal:', torch.equal(buffer, images))
print(nhwc.reshape(2, -1).shape, nhwc.permute(0, 2, 3, 1).is_contiguous())
try:
    nhwc.view(2, -1)
except RuntimeError as err:
    print('view:', err)
volume = torch.randn(1, 2, 3, 4, 5).to(memory_format=torch.channels_last_3d)
print('channels_last_3d', volume.stride(), volume.is_contiguous(memory_format=torch.channels_last_3d))
try:
    torch.randn(3, 4).contiguous(memory_format=torch.channels_last)
except RuntimeError as err:
    print('rank:', err)

model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 2))
model = model.to(memory_format=torch.channels_last)
out_cl = model(nhwc)
out = model(images)
print(out_cl.shape, torch.allclose(out_cl, out, atol=1e-6))
loss = out_cl.pow(2).mean()
loss.backward()
print('grad shape', model[0].weight.grad.shape, round(loss.item(), 6))
