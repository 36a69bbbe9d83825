"""torchvision.ops.roi_pool / RoIPool (0.14): Fast R-CNN's region-of-interest max pooling (d2l 14.8), the kernel
in the engine. Regions come as a Tensor[K, 5] of (batch index, x1, y1, x2, y2) or a list of Tensor[L, 4], one
per image, as torchvision takes them."""

import torch
from torch import nn
from torch._engine import E
from torch._tensor_base import wrap
from torch.nn.modules.pooling import _pair


def _check_roi_boxes_shape(boxes):
    if isinstance(boxes, (list, tuple)):
        for _tensor in boxes:
            assert _tensor.size(1) == 4, (
                'The shape of the tensor in the boxes list is not correct as List[Tensor[L, 4]]'
            )
    elif isinstance(boxes, torch.Tensor):
        assert boxes.size(1) == 5, 'The boxes tensor shape is not correct as Tensor[K, 5]'
    else:
        assert False, 'boxes is expected to be a Tensor[L, 5] or a List[Tensor[K, 4]]'


def _convert_boxes_to_roi_format(boxes):
    concat_boxes = torch.cat(boxes, dim=0)
    ids = torch.cat([torch.full_like(b[:, :1], i) for i, b in enumerate(boxes)], dim=0)
    return torch.cat([ids, concat_boxes], dim=1)


def roi_pool(input, boxes, output_size, spatial_scale=1.0):
    _check_roi_boxes_shape(boxes)
    rois = boxes
    output_size = _pair(output_size)
    if not isinstance(rois, torch.Tensor):
        rois = _convert_boxes_to_roi_format(rois)
    input.size(3)  # a map without a batch dimension fails here, as in torchvision's kernel
    return wrap(E.tv_roi_pool(input._t, rois._t, float(spatial_scale), int(output_size[0]), int(output_size[1])))


class RoIPool(nn.Module):
    def __init__(self, output_size, spatial_scale):
        super().__init__()
        self.output_size = output_size
        self.spatial_scale = spatial_scale

    def forward(self, input, rois):
        return roi_pool(input, rois, self.output_size, self.spatial_scale)

    def __repr__(self):
        return f'{self.__class__.__name__}(output_size={self.output_size}, spatial_scale={self.spatial_scale})'
