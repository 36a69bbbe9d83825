"""Writes NAME.expected.txt for every test/numpy/NAME.py: what real NumPy 1.24 (and PyTorch 1.13 for the
files that import torch) print running it. Run with Debian's python3 (python3-numpy 1.24, python3-torch):

    /usr/bin/python3 test/numpy/generate.py [NAME ...]

Files named bl_*.py test Backprop Lens' own behaviour (its NotImplementedErrors): their expected output is
written by hand and left alone here. Each file runs from this folder by its bare name, as the runner
(test/numpy/run.ts) runs it through `backprop-lens run`."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(names):
    import numpy
    if not numpy.__version__.startswith('1.24'):
        sys.exit(f'numpy {numpy.__version__} found; the reference is numpy 1.24 (run /usr/bin/python3)')
    scripts = sorted(f for f in os.listdir(HERE) if f.endswith('.py') and f != 'generate.py' and not f.startswith('bl_'))
    if names:
        scripts = [f for f in scripts if any(n in f for n in names)]
    for script in scripts:
        run = subprocess.run([sys.executable, script], cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env={**os.environ, 'PYTHONHASHSEED': '0'})
        if run.returncode != 0:
            sys.exit(f'{script} failed:\n{run.stdout.decode()}')
        with open(os.path.join(HERE, script[:-3] + '.expected.txt'), 'wb') as f:
            f.write(run.stdout)
        print('wrote', script[:-3] + '.expected.txt')


if __name__ == '__main__':
    main(sys.argv[1:])
