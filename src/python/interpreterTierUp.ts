// Has V8 optimize CPython's bytecode loop before a learner's file runs. V8 first compiles a WebAssembly
// function with its baseline compiler (Liftoff) and optimizes it (TurboFan) once it is hot, but a call that
// is already running keeps the code it started with. Since 3.11, CPython runs Python-to-Python calls inside
// one call of _PyEval_EvalFrameDefault, so a learner's whole file runs in the call that exec() starts. Restored
// from the start-up snapshot, the interpreter has run too little Python by then to be optimized, and every
// loop of the file ran on baseline code to its end: about 2.3x slower (a `s += i` loop took 125 ns an
// iteration instead of 55). Optimizing the function costs about 100 ms once, while the worker starts, before
// a warm worker is handed a run.
//
// Only V8 before 13 needs it (Node 20 and 22, measured: 125 and 62-100 ns an iteration, 55 and 53 optimized).
// V8 13 (Node 24, current Electron) moves the running call to optimized code by itself within a second or so,
// and better than this does: forced without the feedback V8 collects while it runs, the loop settled at 70 ns
// there instead of 56.
import v8 from 'node:v8';

/** Whether the V8 of this version (process.versions.v8) keeps a running call on baseline code. */
export function needsForcedTierUp(v8Version: string): boolean {
  const major = Number.parseInt(v8Version, 10);
  return Number.isFinite(major) && major < 13;
}

interface PyodideModule {
  __PyEval_EvalFrameDefault?: unknown;
}

/**
 * Optimizes `_PyEval_EvalFrameDefault` of the Pyodide module now where this V8 needs it. Returns whether V8
 * did it: false on V8 13 and later, and where the intrinsic is missing (the file then only runs slower).
 */
export function tierUpInterpreter(pyodideModule: unknown): boolean {
  if (!needsForcedTierUp(process.versions.v8)) return false;
  const evalFrame = (pyodideModule as PyodideModule).__PyEval_EvalFrameDefault;
  if (typeof evalFrame !== 'function') return false;
  let tierUp: (f: unknown) => void;
  try {
    // The intrinsic parses only while the flag is on; it is turned off again at once, so nothing a run
    // compiles later (a learner's `js.Function(...)`) can use intrinsics.
    v8.setFlagsFromString('--allow-natives-syntax');
    tierUp = new Function('f', '%WasmTierUpFunction(f)') as (f: unknown) => void;
  } catch {
    return false;
  } finally {
    v8.setFlagsFromString('--no-allow-natives-syntax');
  }
  try {
    tierUp(evalFrame);
    return true;
  } catch {
    return false;
  }
}
