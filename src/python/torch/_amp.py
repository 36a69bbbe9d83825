"""Automatic mixed precision as PyTorch 1.13 runs it on a machine without CUDA, which is what Backprop Lens is:
torch.cuda.amp.GradScaler and autocast('cuda') warn once per object that CUDA is not available and disable
themselves (the scaler passes the loss through and step() is optimizer.step()), so a tutorial's AMP training
loop runs in float32 as it would on a learner's CPU-only PyTorch. CPU autocast to bfloat16 would run matmuls and
convolutions in bfloat16 and differentiate through them, and the engine's bfloat16 tensors carry no autograd:
entering an enabled one says so. torch.autocast, torch.amp,
torch.cuda.amp and torch.cpu.amp are registered as PyTorch's modules by _module_aliases."""

import functools

from ._errors import _warn

_state = {'gpu': False, 'cpu': False, 'gpu_dtype': None, 'cpu_dtype': None, 'cache': True, 'nesting': 0}


def _dtypes():
    import torch

    return torch.float16, torch.bfloat16


def is_autocast_enabled():
    return _state['gpu']


def is_autocast_cpu_enabled():
    return _state['cpu']


def get_autocast_gpu_dtype():
    return _state['gpu_dtype'] or _dtypes()[0]


def get_autocast_cpu_dtype():
    return _state['cpu_dtype'] or _dtypes()[1]


def is_autocast_cache_enabled():
    return _state['cache']


def set_autocast_enabled(enabled):
    _state['gpu'] = bool(enabled)


def set_autocast_cpu_enabled(enabled):
    _state['cpu'] = bool(enabled)


def set_autocast_gpu_dtype(dtype):
    _state['gpu_dtype'] = dtype


def set_autocast_cpu_dtype(dtype):
    _state['cpu_dtype'] = dtype


def set_autocast_cache_enabled(enabled):
    _state['cache'] = bool(enabled)


def autocast_increment_nesting():
    _state['nesting'] += 1
    return _state['nesting']


def autocast_decrement_nesting():
    _state['nesting'] -= 1
    return _state['nesting']


def clear_autocast_cache():
    pass


class autocast:
    """torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None): a context manager or a
    decorator. Without CUDA, 'cuda' warns and is disabled; 'cpu' supports bfloat16 only (others warn and
    disable), and an enabled bfloat16 region is not supported here."""

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        self.device = device_type
        if device_type == 'cuda':
            self.fast_dtype = get_autocast_gpu_dtype()
        elif device_type == 'cpu':
            self.fast_dtype = get_autocast_cpu_dtype()
        else:
            raise RuntimeError("User specified autocast device_type must be 'cuda' or 'cpu'")
        self._cache_enabled = is_autocast_cache_enabled()
        if enabled and device_type == 'cuda':
            _warn("User provided device_type of 'cuda', but CUDA is not available. Disabling")
            enabled = False
        if dtype is not None:
            self.fast_dtype = dtype
        if cache_enabled is not None:
            self._cache_enabled = cache_enabled
        if device_type == 'cpu' and self.fast_dtype is not _dtypes()[1]:
            _warn(
                'In CPU autocast, but the target dtype is not supported. Disabling autocast.\n'
                'CPU Autocast only supports dtype of torch.bfloat16 currently.'
            )
            enabled = False
        self._enabled = enabled

    def __enter__(self):
        if self.device == 'cpu' and self._enabled:
            raise NotImplementedError(
                "torch.autocast(device_type='cpu') with bfloat16 (mixed precision) is not supported by Backprop "
                'Lens: its bfloat16 tensors have no autograd. Pass enabled=False, or leave the autocast block out.'
            )
        self.prev_cache_enabled = is_autocast_cache_enabled()
        if self.device == 'cpu':
            self.prev, self.prev_fastdtype = is_autocast_cpu_enabled(), get_autocast_cpu_dtype()
            set_autocast_cpu_enabled(self._enabled)
            if self.fast_dtype is not _dtypes()[1]:  # PyTorch refuses the dtype even for a disabled region
                raise RuntimeError('Currently, AutocastCPU only support Bfloat16 as the autocast_cpu_dtype')
            set_autocast_cpu_dtype(self.fast_dtype)
        else:
            self.prev, self.prev_fastdtype = is_autocast_enabled(), get_autocast_gpu_dtype()
            set_autocast_gpu_dtype(self.fast_dtype)
            set_autocast_enabled(self._enabled)
        autocast_increment_nesting()
        set_autocast_cache_enabled(self._cache_enabled)

    def __exit__(self, exc_type, exc_val, exc_tb):
        autocast_decrement_nesting()
        if self.device == 'cpu':
            set_autocast_cpu_enabled(self.prev)
            set_autocast_cpu_dtype(self.prev_fastdtype)
        else:
            set_autocast_enabled(self.prev)
            set_autocast_gpu_dtype(self.prev_fastdtype)
        set_autocast_cache_enabled(self.prev_cache_enabled)
        return False

    def __call__(self, func):
        @functools.wraps(func)
        def decorate_autocast(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return decorate_autocast


autocast.__module__ = 'torch.amp.autocast_mode'


class cuda_autocast(autocast):
    """torch.cuda.amp.autocast(enabled=True, dtype=torch.float16, cache_enabled=True)."""

    def __init__(self, enabled=True, dtype=None, cache_enabled=True):
        super().__init__(
            'cuda', enabled=enabled, dtype=_dtypes()[0] if dtype is None else dtype, cache_enabled=cache_enabled
        )


cuda_autocast.__name__ = cuda_autocast.__qualname__ = 'autocast'
cuda_autocast.__module__ = 'torch.cuda.amp.autocast_mode'


class cpu_autocast(autocast):
    """torch.cpu.amp.autocast(enabled=True, dtype=torch.bfloat16, cache_enabled=True)."""

    def __init__(self, enabled=True, dtype=None, cache_enabled=True):
        super().__init__(
            'cpu', enabled=enabled, dtype=_dtypes()[1] if dtype is None else dtype, cache_enabled=cache_enabled
        )


cpu_autocast.__name__ = cpu_autocast.__qualname__ = 'autocast'
cpu_autocast.__module__ = 'torch.cpu.amp.autocast_mode'


def custom_fwd(fwd=None, *, cast_inputs=None):
    """A custom Function's forward under autocast: records that autocast was off (it always is here)."""
    if fwd is None:
        return functools.partial(custom_fwd, cast_inputs=cast_inputs)

    @functools.wraps(fwd)
    def decorate_fwd(*args, **kwargs):
        args[0]._fwd_used_autocast = is_autocast_enabled()
        return fwd(*args, **kwargs)

    return decorate_fwd


def custom_bwd(bwd):
    """A custom Function's backward, run with the autocast state its forward had."""

    @functools.wraps(bwd)
    def decorate_bwd(*args, **kwargs):
        with cuda_autocast(args[0]._fwd_used_autocast):
            return bwd(*args, **kwargs)

    return decorate_bwd


class GradScaler:
    """torch.cuda.amp.GradScaler without CUDA: disabled (with PyTorch's warning when asked to be enabled), so
    scale() returns the loss, unscale_() and update() do nothing and step() is optimizer.step()."""

    def __init__(self, init_scale=2.0**16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000, enabled=True):
        if enabled:
            _warn('torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.')
        self._enabled = False

    def scale(self, outputs):
        return outputs

    def unscale_(self, optimizer):
        return None

    def step(self, optimizer, *args, **kwargs):
        return optimizer.step(*args, **kwargs)

    def update(self, new_scale=None):
        return None

    def get_scale(self):
        return 1.0

    def _get_growth_tracker(self):
        return 0

    def is_enabled(self):
        return self._enabled

    def state_dict(self):
        return {}

    def load_state_dict(self, state_dict):
        return None


GradScaler.__module__ = 'torch.cuda.amp.grad_scaler'


def register(torch):
    """Puts the names where PyTorch 1.13 has them: torch.autocast and the autocast state functions, and the
    modules torch.amp(.autocast_mode), torch.cuda.amp(.autocast_mode, .grad_scaler), torch.cpu.amp(...)."""
    import sys
    import types

    from ._unsupported import module_getattr

    def module(name, **names):
        m = types.ModuleType(name)
        m.__dict__.update(names)
        m.__getattr__ = module_getattr(name)
        sys.modules[name] = m
        parent, _, child = name.rpartition('.')
        setattr(sys.modules[parent], child, m)
        return m

    module('torch.amp', autocast=autocast)
    module('torch.amp.autocast_mode', autocast=autocast)
    module('torch.cpu', __path__=[])
    module('torch.cpu.amp', autocast=cpu_autocast)
    module('torch.cpu.amp.autocast_mode', autocast=cpu_autocast)
    names = {'autocast': cuda_autocast, 'custom_fwd': custom_fwd, 'custom_bwd': custom_bwd}
    module('torch.cuda.amp', GradScaler=GradScaler, __path__=[], **names)
    module('torch.cuda.amp.autocast_mode', **names)
    module('torch.cuda.amp.grad_scaler', GradScaler=GradScaler)
    for name in (
        'is_autocast_enabled is_autocast_cpu_enabled get_autocast_gpu_dtype get_autocast_cpu_dtype '
        'is_autocast_cache_enabled set_autocast_enabled set_autocast_cpu_enabled set_autocast_gpu_dtype '
        'set_autocast_cpu_dtype set_autocast_cache_enabled autocast_increment_nesting autocast_decrement_nesting '
        'clear_autocast_cache'
    ).split():
        setattr(torch, name, globals()[name])
    torch.autocast = autocast
