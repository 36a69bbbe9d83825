"""torchvision.ops: the building blocks the models here use (ops.misc), the box utilities and nms (ops.boxes)
and RoI max pooling (ops.roi_pool); the rest of torchvision 0.14's ops are named as missing."""

from . import boxes, misc
from .boxes import (
    batched_nms,
    box_area,
    box_convert,
    box_iou,
    clip_boxes_to_image,
    complete_box_iou,
    distance_box_iou,
    generalized_box_iou,
    masks_to_boxes,
    nms,
    remove_small_boxes,
)
from .misc import Conv2dNormActivation
from .roi_pool import RoIPool, roi_pool
from .._unsupported import module_getattr

_MISSING = {
    'Conv3dNormActivation',
    'DeformConv2d',
    'DropBlock2d',
    'DropBlock3d',
    'FeaturePyramidNetwork',
    'FrozenBatchNorm2d',
    'MLP',
    'MultiScaleRoIAlign',
    'PSRoIAlign',
    'PSRoIPool',
    'Permute',
    'RoIAlign',
    'SqueezeExcitation',
    'StochasticDepth',
    'complete_box_iou_loss',
    'deform_conv2d',
    'distance_box_iou_loss',
    'drop_block2d',
    'drop_block3d',
    'generalized_box_iou_loss',
    'ps_roi_align',
    'ps_roi_pool',
    'roi_align',
    'sigmoid_focal_loss',
    'stochastic_depth',
}
__getattr__ = module_getattr('torchvision.ops', _MISSING)
