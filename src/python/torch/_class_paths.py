"""The modules PyTorch 1.13 defines its public classes in, so that they print as PyTorch's do:
`<class 'torch.Tensor'>`, `<torch.utils.data.dataset.TensorDataset object at ...>`,
`torch.nn.modules.linear.Linear`, `torch.optim.sgd.SGD`. Ours live in fewer files; each class is given
PyTorch's `__module__` once the package is imported. The table was printed by real PyTorch 1.13
(`getattr(module, name).__module__`); test/unit/shim-api-gaps.test.ts checks it against real PyTorch."""

import importlib

# (where learners import it from, the name, PyTorch's __module__ for it)
PATHS = (
    ('torch', 'Tensor', 'torch'),
    ('torch', 'Size', 'torch'),
    ('torch', 'Generator', 'torch._C'),
    ('torch', 'dtype', 'torch'),
    ('torch', 'device', 'torch'),
    ('torch', 'no_grad', 'torch.autograd.grad_mode'),
    ('torch', 'enable_grad', 'torch.autograd.grad_mode'),
    ('torch', 'set_grad_enabled', 'torch.autograd.grad_mode'),
    ('torch', 'inference_mode', 'torch.autograd.grad_mode'),
    ('torch.nn', 'Module', 'torch.nn.modules.module'),
    ('torch.nn', 'Parameter', 'torch.nn.parameter'),
    ('torch.nn', 'Linear', 'torch.nn.modules.linear'),
    ('torch.nn', 'Identity', 'torch.nn.modules.linear'),
    ('torch.nn', 'Sequential', 'torch.nn.modules.container'),
    ('torch.nn', 'ModuleList', 'torch.nn.modules.container'),
    ('torch.nn', 'ModuleDict', 'torch.nn.modules.container'),
    ('torch.nn', 'ParameterList', 'torch.nn.modules.container'),
    ('torch.nn', 'ParameterDict', 'torch.nn.modules.container'),
    ('torch.nn', 'Flatten', 'torch.nn.modules.flatten'),
    ('torch.nn', 'Unflatten', 'torch.nn.modules.flatten'),
    ('torch.nn', 'Dropout', 'torch.nn.modules.dropout'),
    ('torch.nn', 'AlphaDropout', 'torch.nn.modules.dropout'),
    ('torch.nn', 'ReLU', 'torch.nn.modules.activation'),
    ('torch.nn', 'Sigmoid', 'torch.nn.modules.activation'),
    ('torch.nn', 'Tanh', 'torch.nn.modules.activation'),
    ('torch.nn', 'LeakyReLU', 'torch.nn.modules.activation'),
    ('torch.nn', 'ELU', 'torch.nn.modules.activation'),
    ('torch.nn', 'CELU', 'torch.nn.modules.activation'),
    ('torch.nn', 'SELU', 'torch.nn.modules.activation'),
    ('torch.nn', 'GELU', 'torch.nn.modules.activation'),
    ('torch.nn', 'SiLU', 'torch.nn.modules.activation'),
    ('torch.nn', 'Mish', 'torch.nn.modules.activation'),
    ('torch.nn', 'Softplus', 'torch.nn.modules.activation'),
    ('torch.nn', 'Hardtanh', 'torch.nn.modules.activation'),
    ('torch.nn', 'ReLU6', 'torch.nn.modules.activation'),
    ('torch.nn', 'LogSigmoid', 'torch.nn.modules.activation'),
    ('torch.nn', 'Hardsigmoid', 'torch.nn.modules.activation'),
    ('torch.nn', 'Hardswish', 'torch.nn.modules.activation'),
    ('torch.nn', 'Softsign', 'torch.nn.modules.activation'),
    ('torch.nn', 'Tanhshrink', 'torch.nn.modules.activation'),
    ('torch.nn', 'Softmax', 'torch.nn.modules.activation'),
    ('torch.nn', 'Softmin', 'torch.nn.modules.activation'),
    ('torch.nn', 'LogSoftmax', 'torch.nn.modules.activation'),
    ('torch.nn', 'GLU', 'torch.nn.modules.activation'),
    ('torch.nn', 'MSELoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'L1Loss', 'torch.nn.modules.loss'),
    ('torch.nn', 'SmoothL1Loss', 'torch.nn.modules.loss'),
    ('torch.nn', 'HuberLoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'BCELoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'BCEWithLogitsLoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'CrossEntropyLoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'NLLLoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'KLDivLoss', 'torch.nn.modules.loss'),
    ('torch.nn', 'BatchNorm1d', 'torch.nn.modules.batchnorm'),
    ('torch.nn', 'Conv2d', 'torch.nn.modules.conv'),
    ('torch.nn', 'MaxPool2d', 'torch.nn.modules.pooling'),
    ('torch.nn', 'AvgPool2d', 'torch.nn.modules.pooling'),
    ('torch.nn', 'AdaptiveAvgPool2d', 'torch.nn.modules.pooling'),
    ('torch.nn', 'Embedding', 'torch.nn.modules.sparse'),
    ('torch.nn', 'RNNBase', 'torch.nn.modules.rnn'),
    ('torch.nn', 'RNN', 'torch.nn.modules.rnn'),
    ('torch.nn', 'LSTM', 'torch.nn.modules.rnn'),
    ('torch.nn', 'GRU', 'torch.nn.modules.rnn'),
    ('torch.nn', 'RNNCellBase', 'torch.nn.modules.rnn'),
    ('torch.nn', 'RNNCell', 'torch.nn.modules.rnn'),
    ('torch.nn', 'LSTMCell', 'torch.nn.modules.rnn'),
    ('torch.nn', 'GRUCell', 'torch.nn.modules.rnn'),
    ('torch.nn', 'UninitializedParameter', 'torch.nn.parameter'),
    ('torch.optim', 'Optimizer', 'torch.optim.optimizer'),
    ('torch.optim', 'SGD', 'torch.optim.sgd'),
    ('torch.optim', 'Adam', 'torch.optim.adam'),
    ('torch.optim', 'AdamW', 'torch.optim.adamw'),
    ('torch.optim', 'RMSprop', 'torch.optim.rmsprop'),
    ('torch.optim', 'Adagrad', 'torch.optim.adagrad'),
    ('torch.utils.data', 'Dataset', 'torch.utils.data.dataset'),
    ('torch.utils.data', 'IterableDataset', 'torch.utils.data.dataset'),
    ('torch.utils.data', 'TensorDataset', 'torch.utils.data.dataset'),
    ('torch.utils.data', 'ConcatDataset', 'torch.utils.data.dataset'),
    ('torch.utils.data', 'Subset', 'torch.utils.data.dataset'),
    ('torch.utils.data', 'Sampler', 'torch.utils.data.sampler'),
    ('torch.utils.data', 'SequentialSampler', 'torch.utils.data.sampler'),
    ('torch.utils.data', 'RandomSampler', 'torch.utils.data.sampler'),
    ('torch.utils.data', 'SubsetRandomSampler', 'torch.utils.data.sampler'),
    ('torch.utils.data', 'BatchSampler', 'torch.utils.data.sampler'),
    ('torch.utils.data', 'DataLoader', 'torch.utils.data.dataloader'),
)


def apply():
    for where, name, module in PATHS:
        try:
            cls = getattr(importlib.import_module(where), name)
        except (AttributeError, NotImplementedError):
            continue
        # Only our own classes: a name still missing here is an unsupported feature (a function, not a class).
        if isinstance(cls, type) and cls.__module__.startswith('torch'):
            cls.__module__ = module
