// The run's memory limit for tensor storage. Typed arrays live outside V8's heap, so the heap limit the
// runtime process runs under does not bound them: without this check `torch.zeros(100000, 100000)` would
// ask the system for 40 GB. A large allocation that would take the buffers past the limit raises the error
// PyTorch's CPU allocator raises when the system refuses it (a RuntimeError naming the bytes), at the
// learner's line. The worker sets the limit (backpropLens.memoryLimitMB); unset, there is none.
import { runtimeError } from './errors';

/** Smaller allocations are not checked: counting the buffers in use costs about 15 µs. */
const CHECK_FROM_BYTES = 1 << 20;

let limitBytes = Infinity;
let limitMB = 0;

// Counting the buffers in use (process.memoryUsage) costs 15 µs or more, a few ms per step of a full-batch
// model that allocates a dozen large temporaries: between counts, the last count plus every checked
// allocation since is an upper bound of what the checked allocations hold (frees only lower it). A count is
// taken when that bound comes near the limit, so the allocation that crosses the limit is still the one that
// fails, and at least every RECOUNT_MS, so unchecked small allocations cannot drift far from it.
const RECOUNT_MS = 50;
const BOUND_SHARE = 0.75;
let counted = 0;
let countedAt = -Infinity;
let allocatedSince = 0;

export function setMemoryLimitMB(mb: number): void {
  limitMB = mb;
  limitBytes = mb > 0 && Number.isFinite(mb) ? mb * 1024 * 1024 : Infinity;
  countedAt = -Infinity;
}

function buffersInUse(): number {
  return typeof process !== 'undefined' && typeof process.memoryUsage === 'function'
    ? process.memoryUsage().arrayBuffers
    : 0;
}

/** Throws PyTorch's out-of-memory RuntimeError when `count` elements of `bytesPerElement` do not fit. */
export function checkAllocation(count: number, bytesPerElement: number): void {
  const bytes = count * bytesPerElement;
  if (bytes < CHECK_FROM_BYTES || limitBytes === Infinity) return;
  const now = performance.now();
  if (now - countedAt < RECOUNT_MS && counted + allocatedSince + bytes <= limitBytes * BOUND_SHARE) {
    allocatedSince += bytes;
    return;
  }
  counted = buffersInUse();
  countedAt = now;
  allocatedSince = 0;
  if (bytes + counted <= limitBytes) {
    allocatedSince = bytes;
    return;
  }
  throw runtimeError(
    `[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. ` +
      `Error code 12 (Cannot allocate memory) [Backprop Lens: a run may use ${limitMB} MB (setting backpropLens.memoryLimitMB)]`,
  );
}
