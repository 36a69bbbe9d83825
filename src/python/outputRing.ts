// What the script prints travels from the worker thread to the runtime process's main thread through a ring
// buffer in shared memory, not as messages: the worker only copies bytes (a print-heavy loop stays as fast
// as before), and the main thread reads them on its own schedule, so `print(..., flush=True)` followed by a
// long computation (or a stuck loop that Stop has to terminate) still shows its text at once, and nothing
// written before a Stop is lost.
//
// Order with the other events is kept: every message the worker posts carries the ring's write position
// at that moment (`at`), and the reader hands out the text before that position first. Between messages the
// reader drains the rest only when no message is in flight (the worker counts the messages it posted).
//
// Records: 1 byte stream (0 stdout, 1 stderr), 4 bytes length (LE), the bytes. Positions are byte counts
// modulo 2^32; the capacity is a power of two.

export type Stream = 'stdout' | 'stderr';

const WRITE = 0;
const READ = 1;
const POSTED = 2;
const HEADER_BYTES = 16;
const RECORD_HEADER = 5;
export const OUTPUT_RING_BYTES = 1 << 20;

export function createOutputRing(capacity = OUTPUT_RING_BYTES): SharedArrayBuffer {
  if (capacity & (capacity - 1)) throw new Error('the output ring capacity must be a power of two');
  return new SharedArrayBuffer(HEADER_BYTES + capacity);
}

class Ring {
  protected readonly header: Int32Array;
  protected readonly data: Uint8Array;
  protected readonly mask: number;

  constructor(buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.data = new Uint8Array(buffer, HEADER_BYTES);
    this.mask = this.data.length - 1;
  }

  /** Where the writer is now (every byte before it is readable). */
  get written(): number {
    return Atomics.load(this.header, WRITE) >>> 0;
  }
}

/** The worker's side. `wake` asks the reader to drain at once (a message; used only when the ring is full). */
export class OutputWriter extends Ring {
  constructor(
    buffer: SharedArrayBuffer,
    private readonly wake: (at: number) => void,
  ) {
    super(buffer);
  }

  write(stream: Stream, bytes: Uint8Array): void {
    const room = this.data.length - RECORD_HEADER;
    for (let off = 0; off < bytes.length; off += room)
      this.record(stream, bytes.subarray(off, Math.min(bytes.length, off + room)));
  }

  /** Counts a message about to be posted; returns the position to send with it. */
  beforePost(): number {
    Atomics.add(this.header, POSTED, 1);
    return this.written;
  }

  private record(stream: Stream, bytes: Uint8Array): void {
    const n = bytes.length;
    const w = this.written;
    this.waitForRoom(w, RECORD_HEADER + n);
    // The header byte by byte: no allocation per print.
    const { data, mask } = this;
    data[w & mask] = stream === 'stdout' ? 0 : 1;
    for (let i = 0; i < 4; i++) data[(w + 1 + i) & mask] = (n >>> (8 * i)) & 0xff;
    this.put(w + RECORD_HEADER, bytes);
    Atomics.store(this.header, WRITE, (w + RECORD_HEADER + n) | 0);
  }

  private waitForRoom(w: number, need: number): void {
    let woke = false;
    for (;;) {
      const r = Atomics.load(this.header, READ);
      if (this.data.length - ((w - r) >>> 0) >= need) return;
      if (!woke) {
        this.wake(w);
        woke = true;
      }
      Atomics.wait(this.header, READ, r, 100);
    }
  }

  private put(at: number, bytes: Uint8Array): void {
    const start = at & this.mask;
    const first = Math.min(bytes.length, this.data.length - start);
    this.data.set(bytes.subarray(0, first), start);
    if (first < bytes.length) this.data.set(bytes.subarray(first), 0);
  }
}

/** The main thread's side: turns the bytes up to a position into text, per stream, in order. */
export class OutputReader extends Ring {
  private readonly decoders = { stdout: new TextDecoder('utf-8'), stderr: new TextDecoder('utf-8') };
  private received = 0;

  /** Counts a message that arrived from the worker. */
  messageArrived(): void {
    this.received = (this.received + 1) | 0;
  }

  /** True when every message the worker posted has arrived (draining everything keeps the order then). */
  get idle(): boolean {
    return Atomics.load(this.header, POSTED) === this.received;
  }

  /** The text written before `upTo` (all of it when absent), consecutive records of a stream joined. */
  drain(upTo = this.written): { stream: Stream; text: string }[] {
    const out: { stream: Stream; text: string }[] = [];
    let r = Atomics.load(this.header, READ) >>> 0;
    while ((upTo - r) >>> 0 >= RECORD_HEADER && (upTo - r) >>> 0 <= this.data.length) {
      const { data, mask } = this;
      let length = 0;
      for (let i = 3; i >= 0; i--) length = length * 256 + data[(r + 1 + i) & mask];
      const stream: Stream = data[r & mask] === 0 ? 'stdout' : 'stderr';
      const text = this.decoders[stream].decode(this.take(r + RECORD_HEADER, length), { stream: true });
      r = (r + RECORD_HEADER + length) >>> 0;
      const last = out[out.length - 1];
      if (last && last.stream === stream) last.text += text;
      else if (text) out.push({ stream, text });
    }
    Atomics.store(this.header, READ, r | 0);
    Atomics.notify(this.header, READ);
    return out.filter((o) => o.text !== '');
  }

  /** A copy (never a view of shared memory: TextDecoder refuses those). */
  private take(at: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    const start = at & this.mask;
    const first = Math.min(length, this.data.length - start);
    out.set(this.data.subarray(start, start + first));
    if (first < length) out.set(this.data.subarray(0, length - first), first);
    return out;
  }
}
