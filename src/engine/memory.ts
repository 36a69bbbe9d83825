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

export function setMemoryLimitMB(mb: number): void {
  limitMB = mb;
  limitBytes = mb > 0 && Number.isFinite(mb) ? mb * 1024 * 1024 : Infinity;
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
  if (bytes + buffersInUse() <= limitBytes) return;
  throw runtimeError(
    `[enforce fail at alloc_cpu.cpp:75] err == 0. DefaultCPUAllocator: can't allocate memory: you tried to allocate ${bytes} bytes. ` +
      `Error code 12 (Cannot allocate memory) [Backprop Lens: a run may use ${limitMB} MB (setting backpropLens.memoryLimitMB)]`,
  );
}
