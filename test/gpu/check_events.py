"""Checks the RunEvents the Backprop Lens probe wrote (JSON lines), for the GPU check (test/gpu/check.sh).
Needs nothing but Python.

    python3 check_events.py EVENTS.jsonl [--device cuda|cpu] [--world-size N] [--min-steps N] [--update-ratios]
        every line is a JSON event; one started and one finished (status finished, exit code 0); losses of
        every step, finite, contiguous, with step times; the model event names the device (cuda: also its
        name, and steps carry peak memory); params carry values, sampled big tensors a summary of all their
        values; activations arrive; under torchrun, one process reported: rank 0 of N. --update-ratios:
        steps carry every parameter's update ratio (a file that updates by hand, without an optimizer).

    python3 check_events.py --step-run PROBE SCRIPT [ARGS...]
        runs SCRIPT (with ARGS) under the probe in step mode, answering the pauses on stdin (step, backprop, continue),
        and checks the pauses: phase, step, line, values before the update, parameters on the device.

Prints `ok: ...` and exits 0, or prints every problem and exits 1.
"""

import argparse
import json
import math
import os
import subprocess
import sys


def load(path):
    events = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            try:
                event = json.loads(line)
            except ValueError as exc:
                raise SystemExit(f'line {n} is not JSON: {exc}: {line[:200]!r}')
            if not isinstance(event, dict) or 'type' not in event:
                raise SystemExit(f'line {n} is not an event: {line[:200]!r}')
            events.append(event)
    return events


def of_type(events, kind):
    return [e for e in events if e['type'] == kind]


def check_run(events, problems):
    started, finished = of_type(events, 'started'), of_type(events, 'finished')
    if len(started) != 1 or len(finished) != 1:
        problems.append(f'{len(started)} started and {len(finished)} finished events (one process must report)')
        return None
    end = finished[0]
    if end['status'] != 'finished' or end.get('exitCode') != 0:
        errors = [e.get('traceback') or e.get('message') for e in of_type(events, 'error')]
        problems.append(f'the run ended {end["status"]} (exit {end.get("exitCode")}): {errors}')
    return end


def check_steps(events, end, min_steps, device, problems):
    losses, step_ms, memory = [], [], []
    for e in of_type(events, 'steps'):
        if e['firstStep'] != len(losses):
            problems.append(f'steps event at {e["firstStep"]} after {len(losses)} losses')
        losses += e['losses']
        step_ms += e.get('stepMs') or []
        if 'maxMemory' in e:
            memory.append(e['maxMemory'])
    if len(losses) < min_steps or (end is not None and len(losses) != end['steps']):
        problems.append(f'{len(losses)} losses for {end and end["steps"]} steps (at least {min_steps} expected)')
    if any(v is None or not math.isfinite(v) for v in losses):
        problems.append('a loss is missing or not finite')
    if len(step_ms) != len(losses) or not any(v is not None and v > 0 for v in step_ms):
        problems.append('steps carry no step times')
    if device == 'cuda' and not (memory and memory[-1] > 0):
        problems.append('steps carry no CUDA peak memory')
    return losses


def check_update_ratios(events, problems):
    """Every parameter has a finite update ratio in some step (the probe saw the updates)."""
    seen = {}
    for e in of_type(events, 'steps'):
        ratios = e.get('updateRatios') or {}
        for name, values in zip(ratios.get('names', []), ratios.get('ratios', [])):
            seen[name] = seen.get(name, False) or any(v is not None and math.isfinite(v) and v > 0 for v in values)
    if not seen or not all(seen.values()):
        problems.append(f'no update ratios for {[n for n, ok in seen.items() if not ok] or "any parameter"}')


def check_model(events, device, world_size, problems):
    models = of_type(events, 'model')
    if not models:
        problems.append('no model event')
    for m in models:
        devices = m.get('devices') or []
        if not devices or not all(d.startswith(device) for d in devices):
            problems.append(f'the model is on {devices}, expected {device}')
        if device == 'cuda' and not m.get('deviceNames'):
            problems.append('the model event does not name its CUDA device')
    env = of_type(events, 'environment')
    if len(env) != 1:
        problems.append(f'{len(env)} environment events')
    else:
        e = env[0]
        if e['worldSize'] != world_size or e['rank'] != 0:
            problems.append(f'environment says rank {e["rank"]} of {e["worldSize"]}, expected rank 0 of {world_size}')
        if device == 'cuda' and 'cuda:0' not in e['devices']:
            problems.append(f'environment devices {e["devices"]} lack cuda:0')
    return models


def check_snapshots(events, problems):
    params = of_type(events, 'params')
    if not params:
        problems.append('no params event')
    for e in params[-1:]:
        for p in e['params']:
            numel = math.prod(p['shape'])
            sample = p.get('sampleShape')
            want = numel if sample is None else math.prod(sample)
            if len(p['value']) != want:
                problems.append(f'{p["name"]}: {len(p["value"])} values for shape {p["shape"]} / sample {sample}')
            if sample is not None:
                s = p.get('summary') or {}
                if s.get('numel') != numel or sum(s.get('hist', [])) != numel:
                    problems.append(f'{p["name"]}: summary {s} does not cover its {numel} values')
    if not of_type(events, 'activations'):
        problems.append('no activations event')


def check_file(args):
    events = load(args.events)
    problems = []
    end = check_run(events, problems)
    losses = check_steps(events, end, args.min_steps, args.device, problems)
    models = check_model(events, args.device, args.world_size, problems)
    check_snapshots(events, problems)
    if args.update_ratios:
        check_update_ratios(events, problems)
    if problems:
        print('\n'.join(f'problem: {p}' for p in problems))
        return 1
    names = (models[-1].get('deviceNames') or models[-1].get('devices')) if models else []
    print(f'ok: {len(events)} events, {len(losses)} steps (loss {losses[0]:.4f} -> {losses[-1]:.4f}) on {names}')
    return 0


def step_run(args):
    """Drives a run in step mode over stdin and checks its pauses."""
    read_fd, write_fd = os.pipe()
    command = [sys.executable, args.probe, '--events', f'fd:{write_fd}', '--mode', 'step', '--no-echo', *args.script]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, pass_fds=(write_fd,), text=True)
    os.close(write_fd)
    answers = ['step', 'backprop', 'continue']
    paused, problems = [], []
    with os.fdopen(read_fd, encoding='utf-8') as events:
        for line in events:
            event = json.loads(line)
            if event['type'] != 'paused':
                continue
            paused.append(event)
            assert proc.stdin is not None
            proc.stdin.write((answers[len(paused) - 1] if len(paused) <= len(answers) else 'continue') + '\n')
            proc.stdin.flush()
    proc.wait(timeout=600)
    got = [(p['step'], p['phase']) for p in paused]
    if got != [(0, 'update'), (1, 'update'), (2, 'backward')]:
        problems.append(f'pauses {got}')
    first = paused[0] if paused else {}
    if not first.get('before') or len(first['before']) != len(first.get('params', [])):
        problems.append('the first pause lacks the values before the update')
    if not (first.get('pos') or {}).get('line'):
        problems.append('the first pause has no line')
    if proc.returncode != 0:
        problems.append(f'the probe exited with {proc.returncode}')
    if problems:
        print('\n'.join(f'problem: {p}' for p in problems))
        return 1
    print(f'ok: paused at {got}, line {first["pos"]["line"]}, then ran to the end')
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('events', nargs='?')
    parser.add_argument('--device', choices=['cuda', 'cpu', 'mps'], default='cuda')
    parser.add_argument('--world-size', type=int, default=1)
    parser.add_argument('--min-steps', type=int, default=10)
    parser.add_argument('--update-ratios', action='store_true', help='steps must carry update ratios')
    parser.add_argument('--step-run', nargs='+', metavar='PROBE SCRIPT ARGS')
    args = parser.parse_args()
    if args.step_run:
        if len(args.step_run) < 2:
            parser.error('--step-run needs PROBE and SCRIPT')
        args.probe, args.script = args.step_run[0], args.step_run[1:]
        return step_run(args)
    if not args.events:
        parser.error('EVENTS.jsonl is needed')
    return check_file(args)


if __name__ == '__main__':
    sys.exit(main())
