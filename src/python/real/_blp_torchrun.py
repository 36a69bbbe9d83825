"""Backprop Lens: `python _blp_torchrun.py ARGS` is `python -m torch.distributed.run ARGS` (torchrun), which the
python backend launches for "Run with torchrun" (every rank runs the probe; rank 0 reports).

PyTorch before 2.0 on Python 3.11 or newer cannot start torchrun at all ("'NoneType' object has no attribute
'get'"): its Std.from_str('0') finds no flag, since Python 3.11 no longer lists a flag of value 0 when
iterating over the enum. The fix is PyTorch 2.0's: the value is read as Std(int(value)).
"""

import sys


def _fix_std():
    try:
        from torch.distributed.elastic.multiprocessing import api
    except ImportError:
        return
    original = api.Std.from_str
    if original('0') is not None:
        return

    def from_str(vm):
        value = original(vm)
        if value is None:
            return api.Std(int(vm))
        if isinstance(value, dict):  # '0:3,1:0': each entry read again
            return {int(k): api.Std(int(v)) for k, v in (m.split(':') for m in vm.split(','))}
        return value

    api.Std.from_str = staticmethod(from_str)


def main():
    _fix_std()
    from torch.distributed.run import main as torchrun

    sys.argv[0] = 'torchrun'
    torchrun()


if __name__ == '__main__':
    main()
