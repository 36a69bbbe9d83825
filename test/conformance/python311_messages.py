# The error messages a training script's small mistakes produce, printed the way course notebooks print them
# (`except Exception as e: print(type(e).__name__, e)`), and tracebacks of errors raised inside comprehensions.
# PyTorch 1.13 runs on Python 3.11: these are 3.11's texts ("float division by zero", "math domain error",
# a `<listcomp>` frame), several of which newer Pythons word differently.
import math
import os
import random
import traceback

import torch


def show(title, action):
    try:
        action()
        print(title, "-> no error")
    except Exception as e:
        print(f"{title} -> {type(e).__name__}: {e}")


def report():
    """The traceback being handled, with this file's path shortened to its name."""
    here = os.path.abspath(__file__)
    print(traceback.format_exc().replace(here, os.path.basename(here)), end="")


class Meter:
    def __init__(self):
        self.total = 0.0
        self.count = 0

    def update(self, value):
        self.total += value

    def mean(self):
        return self.total / self.count


losses = [torch.tensor(0.25).item(), torch.tensor(0.75).item()]
total_loss = sum(losses)
num_batches = 0
correct, total = 0, 0
batch_size = 0
log_every = 0
variance = -torch.tensor(4.0).item()


def average_loss():
    return total_loss / num_batches


def accuracy():
    return correct / total


def steps_per_epoch():
    return len(losses) // batch_size


def first(batch):
    return batch[0]


def should_log(step):
    return step % log_every == 0


def running_mean():
    mean = total_loss
    mean /= num_batches
    return mean


# Division by zero: 3.11 names the operands' kind.
show("average loss", average_loss)
show("accuracy", accuracy)
show("literal float", lambda: 1.0 / 0)
show("steps per epoch", steps_per_epoch)
show("float floor division", lambda: total_loss // 0)
show("log every", lambda: should_log(10))
show("float modulo", lambda: total_loss % 0)
show("divmod ints", lambda: divmod(len(losses), batch_size))
show("divmod floats", lambda: divmod(total_loss, 0))
show("meter mean", Meter().mean)
show("augmented division", running_mean)
show("zero to a negative power", lambda: 0 ** -1)
# Empty sequences and math domains.
show("best of nothing", lambda: min([]))
show("worst of nothing", lambda: max([], key=abs))
show("std of a negative variance", lambda: math.sqrt(variance))
show("log of zero", lambda: math.log(0))
show("log of a negative loss", lambda: math.log(-0.5))
show("acos out of range", lambda: math.acos(2.0))
show("overflowing power", lambda: 2.0 ** 10000)
# Unpacking, indexing, hashing.
show("unpack too many", lambda: [a for a, b in [(1, 2, 3)]])
show("unpack too few", lambda: [a for a, b in [(1,)]])
show("index of a missing label", lambda: ["cat", "dog"].index("bird"))
show("list as a dict key", lambda: {[1, 2]: "batch"})
show("list in a set", lambda: {[0.1]})
show("frozen attribute", lambda: setattr(object(), "lr", 0.1))
show("random range", lambda: random.randint(5, 1))
# Texts that did not change, for contrast.
show("int of a word", lambda: int("ten"))
show("float of a word", lambda: float("abc"))
show("index past the end", lambda: losses[5])
show("unknown key", lambda: {"lr": 0.1}["momentum"])
show("concatenation", lambda: "epoch " + 3)
show("none subscript", lambda: first(None))
show("format code", lambda: f"{'loss':d}")
show("name typo", lambda: eval("totl_loss"))
show("attribute typo", lambda: losses.appendd(1.0))
show("too many arguments", lambda: Meter().update(1.0, 2.0))
show("missing argument", lambda: Meter().update())

# Tracebacks of errors inside comprehensions show 3.11's <listcomp>/<dictcomp> frames, and format_exc() gives
# no "Did you mean" (3.11 printed those only for uncaught errors).
rows = [[1.0, 2.0], [3.0]]
try:
    per_row = [rows[i][0] / (len(rows[i]) - 1) for i in range(len(rows))]
except ZeroDivisionError:
    report()
try:
    scores = {name: math.log(value) for name, value in [("a", 1.0), ("b", 0.0)]}
except ValueError:
    report()
try:
    nested = [[x / 0 for x in row] for row in rows]
except ZeroDivisionError:
    report()
try:
    lengths = [len(row) for row in rows if row.shape[0] > 1]
except AttributeError:
    report()
try:
    print(eval("totl_loss"))
except NameError:
    report()

# OrderedDict printed as 3.11 prints it (3.12 changed it to `OrderedDict({...})`): a Sequential's layers, a
# vocabulary kept in insertion order, an empty one, a subclass, one that holds itself.
from collections import OrderedDict

layers = OrderedDict([('fc1', torch.nn.Linear(2, 3)), ('act', torch.nn.ReLU())])
print(list(layers.keys()), OrderedDict(), OrderedDict.fromkeys('ab', 0))
vocab = OrderedDict()
for word in 'the cat and the hat'.split():
    vocab.setdefault(word, len(vocab))
print(vocab)
print(str(vocab), repr(vocab), f'{vocab}', [vocab])


class Vocab(OrderedDict):
    pass


loop = Vocab(a=1)
loop['me'] = loop
print(Vocab(x=1), loop, type(vocab).__name__, type(vocab).__module__)
