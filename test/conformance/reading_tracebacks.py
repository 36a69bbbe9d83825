# Reading a traceback: the mistakes a first training script makes, caught and printed with
# traceback.print_exc() as course notebooks do to show what Python reports (the carets under the failing
# part of each line are Python 3.11's, the Python PyTorch 1.13 runs on).
import os
import traceback

import torch

config = {"lr": 0.1, "epochs": 3}
vocab = {"cat": 0, "dog": 1}


def lookup(word):
    return vocab[word]


def encode(sentence):
    ids = []
    for word in sentence.split():
        ids.append(lookup(word))
    return torch.tensor(ids)


def accuracy(correct, total):
    return correct / total


def check_batch(x):
    if x.dim() != 2:
        raise ValueError(f"expected a 2-D batch, got shape {tuple(x.shape)}")
    return x


class Trainer:
    def __init__(self, settings):
        self.settings = settings

    def learning_rate(self):
        return self.settings["learning_rate"]

    def run(self):
        steps = self.settings["epochs"] * self.batches_per_epoch
        return steps


def report():
    """The traceback being handled, with this file's path shortened to its name."""
    here = os.path.abspath(__file__)
    print(traceback.format_exc().replace(here, os.path.basename(here)), end="")


def show(title, action):
    print(f"== {title}")
    try:
        action()
    except Exception:
        report()


show("unknown word", lambda: encode("cat bird"))
show("missing setting", lambda: Trainer(config).learning_rate())
show("missing attribute", lambda: Trainer(config).run())
show("empty test set", lambda: accuracy((torch.tensor([]) > 0).sum().item(), len([])))
show("wrong rank", lambda: check_batch(torch.zeros(3)))
show("string plus number", lambda: "loss: " + torch.tensor(0.5).item())
show("power of a string", lambda: 2 ** "3")
show("index past the end", lambda: [0.9, 0.5, 0.2][3])
show("hyperparameter typo", lambda: config["epoch"] + 1)


def first(values):
    return values[0]


def nested_call():
    history = []
    best = first(
        history,
    )
    return best


show("first of nothing", nested_call)


def deep(n):
    if n == 0:
        return {}["leaf"]
    return deep(n - 1)


show("recursion", lambda: deep(3))
try:
    try:
        lookup("fish")
    except KeyError as err:
        raise RuntimeError("could not encode the batch") from err
except RuntimeError:
    report()
lines = traceback.format_exception_only(ZeroDivisionError, ZeroDivisionError("division by zero"))
print(lines)
