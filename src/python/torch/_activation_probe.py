"""Backprop Lens: outputs of functional activations (F.relu, torch.tanh, x.sigmoid(), ...) called inside the
forward of a seen model, reported next to the module outputs (nn/modules/module.py) so that the panel shows a
ReLU/Tanh/Sigmoid a learner wrote as a function call, not as a layer.

`scope[0]` is the dotted path of the seen user module whose forward is running (set by Module.__call__), or
None: outside any seen model and inside library modules (nn.LeakyReLU calls F.leaky_relu; its output is
reported as the module's already). The activation functions test `scope[0] is not None` and do nothing else
when it is None, so a plain tensor script or an unobserved model pays one global lookup and one index.

A call is reported under `<module path>:<function>#<n>` ('' root: `<function>#<n>`), n counting that
function's calls in that module since the root's forward began: `blocks.0:relu#1`, `relu#2`.
"""

scope = [None]
# Outputs of seen modules and functional activations since the last root forward finished, in call order:
# handed to the runtime in one JS call when the root returns (module.py `_flush_outputs`).
pending_paths = []
pending_outputs = []
# (module path, function) -> calls so far in the current root forward.
_counts = {}


def report(name, out):
    """Records `out`, the result of activation `name`, for the module in scope (scope[0] is not None)."""
    path = scope[0]
    key = (path, name)
    n = _counts.get(key, 0) + 1
    _counts[key] = n
    pending_paths.append(f"{path}:{name}#{n}" if path else f"{name}#{n}")
    pending_outputs.append(out._t)
    return out


def reset_counts():
    """A new root forward: numbering starts again, so a step's calls get the same paths as the last step's."""
    if _counts:
        _counts.clear()
