#!/bin/sh
# GPU check of the Python backend's probe (src/python/real/backprop_lens_probe.py), with nothing but Python:
# run from the repository root on a machine with CUDA and PyTorch 2.x:
#     sh test/gpu/check.sh            (PYTHON=/path/to/python3 to choose the interpreter)
# 1. a CUDA training run (test/gpu/cuda_train.py) under the probe: events parse, steps carry losses, step
#    times and peak memory, the model event names the CUDA device, big tensors come as samples + summaries;
# 2. the same run in step mode, driven over stdin: pauses at the right phase with the values before the update;
# 3. DDP under torchrun with 2 processes (test/gpu/ddp_train.py): only rank 0 reports, saying 2 processes;
# 4. overhead: steps/s of the CUDA run plain and under the probe (printed; the target is <= 10%).
# Exits non-zero at the first failure. Events are kept in $OUT_DIR (default: a new temporary folder).
set -eu
PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
PROBE="$HERE/../../src/python/real/backprop_lens_probe.py"
OUT=${OUT_DIR:-$(mktemp -d)}
STEPS=${STEPS:-300}

"$PY" -c 'import torch; assert torch.cuda.is_available(), "CUDA is not available"; print("torch", torch.__version__, "CUDA", torch.version.cuda, "on", torch.cuda.get_device_name(0), "x", torch.cuda.device_count())'

echo "== 1. CUDA run under the probe"
"$PY" "$PROBE" --events "$OUT/cuda.jsonl" "$HERE/cuda_train.py" "$STEPS"
"$PY" "$HERE/check_events.py" "$OUT/cuda.jsonl" --device cuda --min-steps "$STEPS"

echo "== 2. step mode over stdin"
"$PY" "$HERE/check_events.py" --step-run "$PROBE" "$HERE/cuda_train.py" 50

echo "== 3. DDP, torchrun --nproc_per_node=2"
"$PY" -m torch.distributed.run --standalone --nproc_per_node=2 "$PROBE" --events "$OUT/ddp.jsonl" "$HERE/ddp_train.py"
"$PY" "$HERE/check_events.py" "$OUT/ddp.jsonl" --device cuda --world-size 2 --min-steps 100

echo "== 4. overhead (steps/s, best of 3)"
for run in 1 2 3; do
  "$PY" "$HERE/cuda_train.py" "$STEPS" | tail -n 1 | sed 's/^/plain:       /'
  "$PY" "$PROBE" --events "$OUT/overhead.jsonl" "$HERE/cuda_train.py" "$STEPS" | tail -n 1 | sed 's/^/under probe: /'
done

echo "GPU check passed (events in $OUT)"
