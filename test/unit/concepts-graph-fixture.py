# Writes concepts-graph-torch113.json: the autograd graph of the last loss each concept fixture computes, as
# real PyTorch names it (grad_fn and next_functions, AccumulateGrad for parameters, None inputs left out),
# for test/unit/concepts.test.ts to compare with the `graph` events of the same files run by the CLI.
#   /usr/bin/python3 test/unit/concepts-graph-fixture.py      (Debian's python3-torch, PyTorch 1.13)
import contextlib
import io
import json
import os
import runpy

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = [
    "examples/xor.py",
    "examples/linear_model.py",
    "examples/local_minimum.py",
    "examples/spiral.py",
    "test/unit/fixtures/concepts/classifier_2d.py",
    "test/unit/fixtures/concepts/regression_1d.py",
    "test/unit/fixtures/concepts/line_wb.py",
    "test/unit/fixtures/concepts/perceptron.py",
]


def canonical(loss):
    """Each node once: its name and the sorted names of its inputs (None inputs left out)."""
    out, seen, keep, stack = [], set(), [], [loss.grad_fn]
    while stack:
        fn = stack.pop()
        # An AccumulateGrad is one node per parameter (its .variable); other nodes are one Python object each
        # while referenced, so they are kept referenced for their ids to stay unique.
        key = id(fn.variable) if type(fn).__name__ == "AccumulateGrad" else id(fn)
        if key in seen:
            continue
        seen.add(key)
        keep.append(fn)
        inputs = [f for f, _ in fn.next_functions if f is not None]
        out.append(type(fn).__name__ + "<" + ",".join(sorted(type(f).__name__ for f in inputs)))
        stack.extend(inputs)
    return sorted(out)


def last_graph(path):
    captured = {}
    original = torch.Tensor.backward

    def backward(self, *args, **kwargs):
        if self.numel() == 1 and self.grad_fn is not None:
            captured["graph"] = canonical(self)
        return original(self, *args, **kwargs)

    torch.Tensor.backward = backward
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            runpy.run_path(os.path.join(ROOT, path), run_name="__main__")
    finally:
        torch.Tensor.backward = original
    return captured["graph"]


result = {"torch": torch.__version__, "graphs": {path: last_graph(path) for path in FILES}}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "concepts-graph-torch113.json"), "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")
