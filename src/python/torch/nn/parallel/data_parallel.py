"""torch.nn.DataParallel without a GPU: PyTorch 1.13 keeps the module and an empty device_ids and returns
before choosing devices (no output_device, no dim), and forward calls the module itself; the state_dict's keys
carry the `module.` prefix."""

from ..modules.module import Module


class DataParallel(Module):
    def __init__(self, module, device_ids=None, output_device=None, dim=0):
        super().__init__()
        self.module = module
        self.device_ids = []

    def forward(self, *inputs, **kwargs):
        return self.module(*inputs, **kwargs)
