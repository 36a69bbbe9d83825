#!/usr/bin/env python3
"""Backprop Lens probe: runs a learner's PyTorch file unchanged on their own Python and PyTorch, and streams
the same RunEvents (src/protocol.ts) the built-in runtime sends, as JSON lines.

    python3 backprop_lens_probe.py --events OUT.jsonl [--mode train|step|backprop|phases] [--control fd:N|-|PATH|tcp]
                                   [--seed N] [--updates-per-second N] [--pause-on-nan] [--max-elements N]
                                   [--run-id N] [--no-echo] [--quiet] [--source PATH] FILE.py [ARGS...]

The file runs as `python FILE.py ARGS...` would run it (runpy, `__main__`, sys.argv, its folder first on
sys.path) after a few patches (_blp_patches.py) that watch backward passes, optimizer steps and module
outputs. `--events` takes a path or an inherited descriptor (`fd:3`); what the script prints becomes
`output` events and, unless `--no-echo`, is printed as well. In step/backprop mode the run pauses and waits
for commands on the control channel (stdin by default): `continue`, `step`, `backprop`, `stop`
(_blp_control.py). SIGINT stops the run (`finished` with status 'stopped', exit status 130).

Under torchrun (RANK, WORLD_SIZE), only rank 0 is observed and reports (its events over `--events
tcp:HOST:PORT`: torchrun's workers inherit no descriptors); the other ranks run the file as plain Python. Needs Python 3.8+ and PyTorch 1.13 or newer; nothing else (no Node, no numpy).
"""

import argparse
import builtins
import linecache
import os
import platform
import runpy
import sys
import time
import types

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from _blp_control import Control  # noqa: E402 - the probe's folder must be on sys.path first
from _blp_frames import UserFile, error_event  # noqa: E402
from _blp_wire import EventWriter, capture_streams  # noqa: E402

MISSING_TORCH = (
    'PyTorch is not installed for the Python at {exe} (Python {version}): {error}. '
    'Install it with `{exe} -m pip install torch` (on Debian or Ubuntu: `sudo apt install python3-torch`), '
    'or choose a Python that has it.'
)


def parse_args(argv):
    parser = argparse.ArgumentParser(prog='backprop_lens_probe.py', description=__doc__.split('\n\n')[0])
    parser.add_argument('--events', help='where the events go: a file path, fd:N or tcp:HOST:PORT (default: nowhere)')
    parser.add_argument('--mode', choices=['train', 'step', 'backprop', 'phases'], default='train')
    parser.add_argument('--control', help='fd:N, - (stdin), a path or tcp (the events\' connection); default: stdin')
    parser.add_argument('--run-id', type=int, default=1)
    parser.add_argument('--seed', type=int, default=None, help='torch.manual_seed(N) before the file runs')
    parser.add_argument('--updates-per-second', type=float, default=10.0)
    parser.add_argument('--pause-on-nan', action='store_true')
    parser.add_argument('--max-elements', type=int, default=4096, help='most values copied per tensor')
    parser.add_argument('--quiet', action='store_true', help='only output, error and finished events')
    parser.add_argument('--no-echo', action='store_true', help='print nothing: output goes to events only')
    parser.add_argument('--source', help="read the file's text from this path (unsaved editor text)")
    parser.add_argument('file')
    parser.add_argument('args', nargs=argparse.REMAINDER)
    return parser.parse_args(argv)


def distributed_rank():
    """This process's rank under torchrun / torch.distributed launchers, or 0."""
    try:
        return int(os.environ.get('RANK', '0') or 0)
    except ValueError:
        return 0


def prepare_main(args):
    """sys.argv and sys.path as `python FILE ARGS` has them (the probe's own folder is not visible)."""
    sys.argv = [args.file] + list(args.args)
    folder = os.path.dirname(os.path.realpath(args.file))
    if sys.path and sys.path[0] == HERE:
        sys.path[0] = folder
    else:
        sys.path.insert(0, folder)


def run_code(args, user_file=None):
    """Executes the learner's file as __main__ (runpy), or `--source` text under the file's name. The file's
    globals stay readable by `user_file` (the end of the run names tensors after its variables)."""
    if not args.source:
        names = runpy.run_path(args.file, run_name='__main__')
        if user_file is not None:
            user_file.final_globals = names
        return
    with open(args.source, encoding='utf-8') as f:
        source = f.read()
    code = compile(source, args.file, 'exec', dont_inherit=True)
    linecache.cache[args.file] = (len(source), None, source.splitlines(True), args.file)
    main = types.ModuleType('__main__')
    main.__dict__.update({'__file__': args.file, '__builtins__': builtins, '__cached__': None})
    if user_file is not None:
        user_file.final_globals = main.__dict__
    previous = sys.modules.get('__main__')
    sys.modules['__main__'] = main
    try:
        exec(code, main.__dict__)
    finally:
        if previous is not None:
            sys.modules['__main__'] = previous


def run_unobserved(args):
    """A rank other than 0: the file runs as plain Python (its errors as Python prints them)."""
    os.environ['MPLBACKEND'] = 'Agg'  # no rank opens a window
    prepare_main(args)
    run_code(args)
    return 0


def environment_event(run_id, torch):
    """Where the run happens: interpreter, PyTorch, the accelerators it can see, processes under torchrun."""
    devices = ['cpu']
    try:
        if torch.cuda.is_available():
            devices += [f'cuda:{i}' for i in range(torch.cuda.device_count())]
        mps = getattr(torch.backends, 'mps', None)
        if mps is not None and mps.is_available():
            devices.append('mps')
    except (RuntimeError, AssertionError):
        pass
    env = os.environ
    return {
        'type': 'environment',
        'runId': run_id,
        'backend': 'python',
        'python': platform.python_version(),
        'executable': sys.executable,
        'torch': str(torch.__version__),
        'cuda': getattr(torch.version, 'cuda', None),
        'devices': devices,
        'worldSize': int(env.get('WORLD_SIZE', '1') or 1),
        'rank': distributed_rank(),
        'localRank': int(env.get('LOCAL_RANK', '0') or 0),
    }


def execute(args, control, user_file):
    """Runs the file; returns (status, error event fields or None, exit status)."""
    try:
        run_code(args, user_file)
    except SystemExit as exc:
        control.finishing = True
        code = exc.code
        if code is None or code == 0:
            return 'finished', None, 0
        text = '' if isinstance(code, int) else f'{code}\n'
        return 'failed', ('SystemExit', str(code), None, text), code if isinstance(code, int) else 1
    except KeyboardInterrupt:
        control.finishing = True
        return 'stopped', None, 130
    except BaseException as exc:  # noqa: BLE001 - every error of the script is reported
        control.finishing = True
        return 'failed', user_file.describe(exc), 1
    control.finishing = True
    return 'finished', None, 0


def report_missing_torch(writer, args, error):
    message = MISSING_TORCH.format(exe=sys.executable, version=platform.python_version(), error=error)
    writer.send({'type': 'started', 'runId': args.run_id, 'file': args.file, 'mode': args.mode})
    writer.send(error_event(args.run_id, 'ModuleNotFoundError', message, None, f'ModuleNotFoundError: {message}\n'))
    writer.send({'type': 'finished', 'runId': args.run_id, 'status': 'failed', 'wallMs': 0, 'steps': 0, 'exitCode': 1})
    if not args.no_echo:
        sys.stderr.write(f'backprop-lens: {message}\n')


def load_torch(writer, args):
    """(torch, None), or (None, exit status) once the reason is reported: no torch, or a stop meanwhile."""
    try:
        import torch
    except ImportError as exc:  # torch itself, or a library it needs
        report_missing_torch(writer, args, exc)
        return None, 1
    except KeyboardInterrupt:
        writer.send({'type': 'started', 'runId': args.run_id, 'file': args.file, 'mode': args.mode})
        stopped = {'type': 'finished', 'runId': args.run_id, 'status': 'stopped', 'wallMs': 0, 'steps': 0}
        writer.send(dict(stopped, exitCode=130))
        return None, 130
    return torch, None


def observe(args):
    """Rank 0 (or no torchrun): runs the file with the patches on and reports everything."""
    started = time.perf_counter()
    control = Control(args.mode)
    control.install_sigint()  # a stop while torch is imported ends the run as stopped too
    writer = EventWriter(args.events, on_lost=lambda: control.channel_closed(True))
    torch, status = load_torch(writer, args)
    if torch is None:
        writer.close()
        return status
    from _blp_figures import Figures
    from _blp_patches import Patches
    from _blp_recorder import Options, Recorder
    from _blp_scalars import Scalars

    writer.send({'type': 'ready', 'loadMs': round((time.perf_counter() - started) * 1000)})
    user_file = UserFile(args.file, args.file)
    options = Options(
        args.run_id, args.mode, args.pause_on_nan, args.updates_per_second, args.quiet, max(1, args.max_elements)
    )
    recorder = Recorder(options, writer.send, control, user_file)
    writer.send({'type': 'started', 'runId': args.run_id, 'file': args.file, 'mode': args.mode})
    if not args.quiet:
        writer.send(environment_event(args.run_id, torch))
    run_started = time.perf_counter()
    control_source = args.control or ('-' if args.mode != 'train' else None)
    if control_source == 'tcp' and writer.socket is None:
        control_source = None  # `--control tcp` needs `--events tcp:HOST:PORT`
    if control_source:
        control.start_reader(control_source, writer.socket)
        if control_source == '-' and sys.stdin.isatty():
            control.announce = _prompt(sys.stderr)
    prepare_main(args)
    if args.seed is not None:
        torch.manual_seed(args.seed)
    patches = Patches(recorder, control)
    patches.install()
    figures = Figures(args.run_id, writer.send if not args.quiet else lambda event: None)
    figures.install()
    scalars = Scalars(args.run_id, writer.send if not args.quiet else lambda event: None)
    scalars.install()
    real_streams = (sys.stdout, sys.stderr)
    captured = capture_streams(recorder.write, echo=not args.no_echo)
    if hasattr(os, 'register_at_fork'):
        # A process the script forks (DataLoader workers) prints as plain Python and sends no events.
        os.register_at_fork(after_in_child=lambda: _unobserved_child(captured, writer))
    recorder.start_output_flusher()
    status, error, exit_status = execute(args, control, user_file)
    figures.uninstall()
    scalars.uninstall()
    _at_end(figures.flush, recorder)
    _at_end(scalars.flush, recorder)
    _at_end(recorder.finish_concepts, recorder)
    patches.uninstall()
    recorder.finish()
    sys.stdout, sys.stderr = real_streams
    if error is not None:
        writer.send(error_event(args.run_id, *error))
        if args.no_echo is False and error[3]:
            sys.stderr.write(error[3])
    wall_ms = round((time.perf_counter() - run_started) * 1000)
    writer.send(
        {
            'type': 'finished',
            'runId': args.run_id,
            'status': status,
            'wallMs': wall_ms,
            'steps': recorder.steps,
            'exitCode': exit_status,
        }
    )
    writer.close()
    return exit_status


def _at_end(step, recorder):
    """A part of the end of the run; a failure of it is a warning, a second stop is ignored."""
    try:
        step()
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # noqa: BLE001 - the run's own result is reported whatever happens here
        recorder.probe_failed(getattr(step, '__name__', 'end of run'), exc)


def _prompt(stream):
    """For a person typing the commands: what paused, and what to type."""

    def announce(step, phase, pos):
        where = f' (line {pos["line"]})' if pos else ''
        stream.write(f'[backprop-lens] paused after {phase} of step {step}{where}: continue, step, backprop or stop? ')
        stream.flush()

    return announce


def _unobserved_child(captured, writer):
    for stream in captured:
        stream.enabled = False
    writer.detach()


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not os.path.isfile(args.source or args.file):
        sys.stderr.write(f"backprop_lens_probe.py: can't open file '{args.file}': No such file\n")
        return 2
    if distributed_rank() != 0:
        return run_unobserved(args)
    return observe(args)


if __name__ == '__main__':
    # The control reader and output flusher are daemon threads: they never keep a finished run alive.
    sys.exit(main())
