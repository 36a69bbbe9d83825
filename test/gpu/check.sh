#!/bin/sh
# GPU check of the Python backend's probe (src/python/real/backprop_lens_probe.py), with nothing but Python
# (no Node). Run from anywhere on a machine with CUDA and PyTorch 1.13 or 2.x:
#     sh test/gpu/check.sh            PYTHON=/path/to/python3 chooses the interpreter
#     sh test/gpu/check.sh --cpu      the same parts on the CPU (gloo), where there is no GPU
# Parts, each printing one PASS or FAIL line (and the end of its log when it fails):
# 1. a training run (test/gpu/cuda_train.py) under the probe: events parse, steps carry losses, step times
#    and peak memory, the model event names the CUDA device, big tensors come as samples + summaries;
# 2. the same run in step mode, driven over stdin: pauses at the right phase with the values before the update;
# 3. a hand-written update loop on the device (test/gpu/manual_train.py) in step mode: pauses after updates;
# 4. DDP under torchrun with 2 processes (test/gpu/ddp_train.py): only rank 0 reports, saying 2 processes.
#    torchrun is started as the extension starts it, through the probe's _blp_torchrun.py (which makes
#    PyTorch 1.13's torchrun work on Python 3.11, where `python -m torch.distributed.run` fails);
# 5. overhead: the run's time plain and under the probe, best of 3 (FAIL over 10% on CUDA; printed on a CPU).
# Every command has a time limit (PART_TIMEOUT seconds, default 120): the whole check takes a few minutes.
# Exits 1 when any part failed. Logs and events are kept in $OUT_DIR (default: a new temporary folder).
set -u
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
REAL="$HERE/../../src/python/real"
PROBE="$REAL/backprop_lens_probe.py"
OUT=${OUT_DIR:-$(mktemp -d)}
LIMIT=${PART_TIMEOUT:-120}
DEVICE=cuda
[ "${1:-}" = "--cpu" ] && DEVICE=cpu
# Steps of the training runs: a CPU takes about a second for what a GPU does in 300 steps' time.
if [ "$DEVICE" = cuda ]; then STEPS=${STEPS:-300}; else STEPS=${STEPS:-60}; fi
FAILED=0

# Runs "$@" with the time limit, its output into the part's log.
limited() {
  timeout -k 10 "$LIMIT" "$@" >>"$LOG" 2>&1
}

# part NAME FUNCTION: one PASS or FAIL line for the function's commands.
part() {
  LOG="$OUT/$2.log"
  : >"$LOG"
  if "$2"; then
    echo "PASS $1"
  else
    echo "FAIL $1 (log: $LOG)"
    tail -n 15 "$LOG" | sed 's/^/    /'
    FAILED=$((FAILED + 1))
  fi
}

environment() {
  limited "$PY" -c "
import sys, torch
print('python', sys.version.split()[0], 'torch', torch.__version__, 'CUDA', torch.version.cuda)
if '$DEVICE' == 'cuda':
    assert torch.cuda.is_available(), 'CUDA is not available (run with --cpu for the CPU parts)'
    print('on', torch.cuda.get_device_name(0), 'x', torch.cuda.device_count())
" && cat "$LOG"
}

train_run() {
  limited "$PY" "$PROBE" --events "$OUT/train.jsonl" --no-echo "$HERE/cuda_train.py" "$STEPS" &&
    limited "$PY" "$HERE/check_events.py" "$OUT/train.jsonl" --device "$DEVICE" --min-steps "$STEPS"
}

step_mode() {
  limited "$PY" "$HERE/check_events.py" --step-run "$PROBE" "$HERE/cuda_train.py" 50
}

manual_updates() {
  limited "$PY" "$HERE/check_events.py" --step-run "$PROBE" "$HERE/manual_train.py" 20 &&
    limited "$PY" "$PROBE" --events "$OUT/manual.jsonl" --no-echo "$HERE/manual_train.py" 50 &&
    limited "$PY" "$HERE/check_events.py" "$OUT/manual.jsonl" --device "$DEVICE" --min-steps 50 --update-ratios
}

torchrun_ddp() {
  limited "$PY" "$REAL/_blp_torchrun.py" --standalone --nproc_per_node=2 \
    "$PROBE" --events "$OUT/ddp.jsonl" --no-echo "$HERE/ddp_train.py" &&
    limited "$PY" "$HERE/check_events.py" "$OUT/ddp.jsonl" --device "$DEVICE" --world-size 2 --min-steps 100
}

overhead() {
  for run in 1 2 3; do
    limited "$PY" "$HERE/cuda_train.py" "$STEPS" || return 1
    tail -n 1 "$LOG" | sed 's/^/plain: /' >>"$OUT/overhead.txt"
    limited "$PY" "$PROBE" --events "$OUT/overhead.jsonl" "$HERE/cuda_train.py" "$STEPS" || return 1
    tail -n 1 "$LOG" | sed 's/^/probe: /' >>"$OUT/overhead.txt"
  done
  # "trained N steps on DEV in T s: ...": the shortest time of each kind.
  awk -v device="$DEVICE" '
    { for (i = 1; i <= NF; i++) if ($i == "in" && $(i + 2) == "s:") t = $(i + 1) + 0
      kind = $1; if (t > 0 && (!(kind in best) || t < best[kind])) best[kind] = t }
    END {
      if (!best["plain:"] || !best["probe:"]) { print "    no times"; exit 1 }
      cost = (best["probe:"] / best["plain:"] - 1) * 100
      printf "    plain %.3f s, under the probe %.3f s (best of 3): %+.1f%% per step\n", best["plain:"], best["probe:"], cost
      if (device == "cuda" && cost > 10) { print "    over the 10% target"; exit 1 }
    }' "$OUT/overhead.txt" >>"$LOG" || return 1
  tail -n 2 "$LOG" | grep '^    ' || true
}

echo "GPU check of the probe on $DEVICE; logs and events in $OUT"
part "environment ($PY)" environment
if [ "$DEVICE" = cuda ] && ! grep -q '^on ' "$OUT/environment.log"; then
  echo "FAIL no CUDA device: nothing else is checked (sh test/gpu/check.sh --cpu checks the CPU parts)"
  exit 1
fi
part "1. training run under the probe ($STEPS steps)" train_run
part "2. step mode over stdin" step_mode
part "3. hand-written updates (step mode, update ratios)" manual_updates
part "4. DDP under torchrun, 2 processes (only rank 0 reports)" torchrun_ddp
part "5. overhead of the probe" overhead
if [ "$FAILED" -gt 0 ]; then
  echo "FAIL $FAILED part(s) of the GPU check failed"
  exit 1
fi
echo "PASS every part of the GPU check ($DEVICE)"
