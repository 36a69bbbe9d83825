"""add_graph's model calls. PyTorch traces the model with torch.jit.trace in eval mode: one forward with
gradients on to record the graph, then two more without while checking the trace, so a forward that prints
prints three times and Dropout draws no random numbers; afterwards every submodule is in the model's mode. A RuntimeError of the first call is printed, with
"Error occurs, No graph saved", before it propagates. The graph itself is not written."""

from ... import _grad_mode


def _call(model, args):
    if isinstance(args, dict):
        return model(**args)
    return model(*args)


def trace_model(model, input_to_model):
    if not hasattr(model, 'forward'):
        raise ModuleNotFoundError("No module named 'caffe2'", name='caffe2')  # PyTorch reads it as a Caffe2 net
    from ..._tensor import Tensor

    args = input_to_model
    if isinstance(args, Tensor):
        args = (args,)
    elif not isinstance(args, (tuple, dict)):
        args = tuple(args)
    training = model.training
    model.train(False)
    try:
        try:
            _call(model, args)
        except RuntimeError as e:
            print(e)
            print('Error occurs, No graph saved')
            raise e
        with _grad_mode.no_grad():
            _call(model, args)
            _call(model, args)
    finally:
        model.train(training)  # as PyTorch restores it: every submodule takes the model's mode
