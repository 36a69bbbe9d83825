// The start-up snapshot: Pyodide's memory right after CPython started, the common stdlib modules, our
// runtime helpers and the whole torch package were imported. Restoring it replaces CPython's
// initialisation and every import the worker would otherwise run (about half of a cold start).
//
// Python holds JS objects only through Pyodide's table of JS references; the torch package holds the
// engine bridge's functions (`_bl_engine`). A snapshot stores that table as JSON, so each bridge function
// is saved by name and, on restore, replaced by the same-named function of the worker's own bridge.
//
// On disk (dist/pyodide/snapshot.bin) the snapshot is sparse: more than half of Pyodide's memory is zero
// pages, which are left out and come back as the zero-filled buffer they are read into.
//   "BLSNAP1\0" | u32 LE length of the JSON header | JSON header | the non-zero ranges, back to back
import fs from 'node:fs';

const MAGIC = 'BLSNAP1\0';
/** Zero runs shorter than this stay in the data: one range per tiny gap would cost more to read. */
const MIN_ZERO_RUN = 4096;

export interface SnapshotInfo {
  /** Whether torch (and with it the engine bridge) is imported in the snapshot. */
  torch: boolean;
  /** Why torch is not in it (an import error at build time), for the build log. */
  torchError?: string;
}

interface SnapshotHeader extends SnapshotInfo {
  /** Length of Pyodide's snapshot (its own header plus the memory). */
  size: number;
  /** [offset, length] of each non-zero range, ascending. */
  ranges: [number, number][];
}

/** Encodes Pyodide's snapshot bytes into the sparse file format. */
export function encodeSnapshot(bytes: Uint8Array, info: SnapshotInfo): Uint8Array {
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice(); // the word view below needs an aligned start
  const ranges: [number, number][] = [];
  // Word-wise scan: 4-byte reads where the buffer allows, the tail byte by byte.
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
  let start = -1;
  let lastNonZero = -1;
  const nonZeroAt = (i: number) => {
    if (start >= 0 && i - lastNonZero > MIN_ZERO_RUN) {
      ranges.push([start, lastNonZero - start]);
      start = -1;
    }
    if (start < 0) start = i;
  };
  for (let w = 0; w < words.length; w++) {
    if (words[w] !== 0) {
      nonZeroAt(w * 4);
      lastNonZero = w * 4 + 4;
    }
  }
  for (let i = words.length * 4; i < bytes.length; i++) {
    if (bytes[i] !== 0) {
      nonZeroAt(i);
      lastNonZero = i + 1;
    }
  }
  if (start >= 0) ranges.push([start, lastNonZero - start]);
  const header: SnapshotHeader = { ...info, size: bytes.length, ranges };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const dataLength = ranges.reduce((n, [, len]) => n + len, 0);
  const out = Buffer.alloc(MAGIC.length + 4 + json.length + dataLength);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  let at = MAGIC.length + 4 + json.length;
  for (const [offset, len] of ranges) {
    out.set(bytes.subarray(offset, offset + len), at);
    at += len;
  }
  return out;
}

/**
 * Reads a sparse snapshot file straight into one zero-filled buffer (no intermediate copy of the data).
 * Returns null when the file is missing or not in this format.
 */
export function readSnapshot(file: string): { bytes: Uint8Array; info: SnapshotInfo } | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, head, 0, head.length, 0) !== head.length || head.toString('latin1', 0, MAGIC.length) !== MAGIC)
      return null;
    const jsonLength = head.readUInt32LE(MAGIC.length);
    const json = Buffer.alloc(jsonLength);
    fs.readSync(fd, json, 0, jsonLength, head.length);
    const header = JSON.parse(json.toString('utf8')) as SnapshotHeader;
    const bytes = new Uint8Array(header.size);
    let at = head.length + jsonLength;
    for (const [offset, len] of header.ranges) {
      let done = 0;
      while (done < len) {
        const n = fs.readSync(fd, bytes, offset + done, len - done, at + done);
        if (n <= 0) return null; // truncated file
        done += n;
      }
      at += len;
    }
    return { bytes, info: { torch: header.torch } };
  } finally {
    fs.closeSync(fd);
  }
}

/** A saved reference to the bridge: the module object itself ('') or one of its members by name. */
interface BridgeRef {
  bridge: string;
}

/** For makeMemorySnapshot: a bridge object becomes its name; anything else cannot be saved. */
export function bridgeSerializer(bridge: Record<string, unknown>): (obj: unknown) => BridgeRef {
  const names = new Map<unknown, string>([[bridge, '']]);
  // Inherited members too: Python's dir() of the module lists Object.prototype's (constructor, toString...).
  for (let o: object | null = bridge; o; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const value = (bridge as Record<string, unknown>)[name];
      if (!names.has(value)) names.set(value, name);
    }
  }
  return (obj) => {
    const name = names.get(obj);
    if (name === undefined) {
      const what =
        typeof obj === 'function' ? `function ${(obj as { name?: string }).name || '(anonymous)'}` : typeof obj;
      throw new Error(`the snapshot cannot hold a JS ${what} that is not part of the engine bridge`);
    }
    return { bridge: name };
  };
}

/** For loadPyodide's _snapshotDeserializer: a saved name becomes the same member of the new bridge. */
export function bridgeDeserializer(bridge: Record<string, unknown>): (saved: unknown) => unknown {
  return (saved) => {
    const name = (saved as BridgeRef | null)?.bridge;
    if (typeof name !== 'string') throw new Error('start-up snapshot: unknown saved JS reference');
    if (name === '') return bridge;
    if (!(name in bridge)) throw new Error(`start-up snapshot: the engine bridge has no ${name}`);
    return bridge[name];
  };
}
