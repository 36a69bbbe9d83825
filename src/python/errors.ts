// How a run that ended badly is reported: the Python side (_bl_run.py) describes the exception with the
// traceback already cut down to the user's file; this turns that description into an `error` event, and
// covers failures Python never saw (Pyodide itself failing, the worker dying).
import type { RunEvent } from '../protocol';

/** What _bl_run.run_file returns when the file did not run to completion. */
export interface PythonFailure {
  kind: string;
  message: string;
  line: number | null;
  column: number | null;
  traceback: string;
}

export type ErrorEvent = Extract<RunEvent, { type: 'error' }>;

export function errorFromPython(runId: number, file: string, f: PythonFailure): ErrorEvent {
  return {
    type: 'error',
    runId,
    kind: f.kind,
    message: f.message,
    pos: f.line != null ? { file, line: f.line, column: f.column ?? 1 } : null,
    traceback: f.traceback,
  };
}

/** A failure outside Python (the runtime itself): reported as a RuntimeError without user frames. */
export function errorFromHost(runId: number, err: unknown, context: string): ErrorEvent {
  const message = `${context}: ${err instanceof Error ? err.message : String(err)}`;
  return { type: 'error', runId, kind: 'RuntimeError', message, pos: null, traceback: `RuntimeError: ${message}\n` };
}

/** True when the run ended because the host asked it to stop (not an error to show). */
export function isStopInterrupt(f: PythonFailure, stopRequested: boolean): boolean {
  return stopRequested && (f.kind === 'KeyboardInterrupt' || f.kind === 'SystemExit');
}
