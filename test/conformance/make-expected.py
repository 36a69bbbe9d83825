"""Writes NAME.expected.txt for every test/conformance/NAME.py: what real PyTorch 1.13 prints running it
(stdout and stderr together, as a terminal shows them). Run with Debian's python3 (python3-torch):

    /usr/bin/python3 test/conformance/make-expected.py [NAME ...]

Each file runs from this folder by its bare name, as the runner (test/conformance/run.ts) runs it through
`backprop-lens run`: with one thread (OMP_NUM_THREADS=1, so large reductions are summed in one fixed
order), unbuffered (so stderr lands where a terminal shows it) and PYTHONHASHSEED=0. A file that exits with an error, or runs over 30 s, stops the generator.

torch.utils.tensorboard needs the `tensorboard` package, which Debian lacks: test/reference/stubs holds a
stand-in (its protobuf classes and an event writer that keeps nothing) put on PYTHONPATH for generation only,
so that PyTorch's own SummaryWriter runs and checks its arguments (it prints nothing itself)."""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
STUBS = os.path.abspath(os.path.join(HERE, '..', 'reference', 'stubs'))


def main(names):
    import torch
    if not torch.__version__.startswith('1.13'):
        sys.exit(f'torch {torch.__version__} found; the reference is PyTorch 1.13 (run /usr/bin/python3)')
    scripts = sorted(f for f in os.listdir(HERE) if f.endswith('.py') and f != 'make-expected.py')
    if names:
        scripts = [f for f in scripts if any(n in f for n in names)]
    path = os.pathsep.join(p for p in (STUBS, os.environ.get('PYTHONPATH')) if p)
    # No __pycache__ left in the stand-in's folder.
    env = {**os.environ, 'PYTHONPATH': path, 'PYTHONDONTWRITEBYTECODE': '1', 'PYTHONHASHSEED': '0', 'PYTHONUNBUFFERED': '1', 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1'}
    for script in scripts:
        started = time.time()
        run = subprocess.run([sys.executable, script], cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env=env, timeout=30)
        if run.returncode != 0:
            sys.exit(f'{script} failed:\n{run.stdout.decode()}')
        # torch.utils.cpp_extension (imported by torch.utils.benchmark) prints this when the machine has an nvcc
        # but no GPU: a fact about the reference machine, not part of the file's output.
        out = b''.join(line for line in run.stdout.splitlines(keepends=True)
                       if not line.startswith(b'No CUDA runtime is found, using CUDA_HOME='))
        with open(os.path.join(HERE, script[:-3] + '.expected.txt'), 'wb') as f:
            f.write(out)
        print(f'wrote {script[:-3]}.expected.txt ({time.time() - started:.1f} s)')


if __name__ == '__main__':
    main(sys.argv[1:])
