// One runtime process (dist/runtime-process.js, see process.ts) as the host sees it: forked from the current
// runtime (plain Node for the CLI; in the extension host Electron's binary as Node, ELECTRON_RUN_AS_NODE=1),
// with a heap limit, and under Node's permission model where the runtime has one: it may read the
// extension's files, the file's folder and the workspace folders and the temp folder, write only the last
// three, start its worker thread, and nothing else (no child processes, no native addons).
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProcessCommand, ProcessMessage } from '../protocol';
import type { ProcessConfig } from './process';

export interface RuntimeProcessOptions {
  /** The build output: runtime-process.js, worker.js, pyodide/ and python/. */
  distDir: string;
  memoryLimitMB: number;
  /** Folders the file may read and write besides the temp folder (its own, the workspace's). */
  folders: string[];
  /** Node's permission flag to run under (`--permission`, `--experimental-permission`), or none. */
  permissionFlag: string | null;
}

/** The permission flag this runtime understands (Node 22+: --permission, Node 20: --experimental-permission). */
export function supportedPermissionFlag(): string | null {
  const flags = process.allowedNodeEnvironmentFlags;
  if (flags.has('--permission')) return '--permission';
  if (flags.has('--experimental-permission')) return '--experimental-permission';
  return null;
}

/** The real path of a folder (the permission model compares resolved paths), or the path itself. */
function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when `file` lies in `folder` (or is it). */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Node's flags for a runtime process (exported for tests that check what they allow). */
export function runtimeExecArgv(options: RuntimeProcessOptions): string[] {
  return [
    '--no-warnings',
    `--max-old-space-size=${options.memoryLimitMB}`,
    ...permissionArgs({ ...options, folders: options.folders.map(real) }),
  ];
}

function permissionArgs(options: RuntimeProcessOptions): string[] {
  if (!options.permissionFlag) return [];
  const extension = real(path.dirname(options.distDir));
  const writable = [real(os.tmpdir()), ...options.folders];
  return [
    options.permissionFlag,
    `--allow-fs-read=${extension}`,
    ...writable.map((p) => `--allow-fs-read=${p}`),
    ...writable.map((p) => `--allow-fs-write=${p}`),
    '--allow-worker',
  ];
}

/** The last few KB a process wrote to stderr: V8's fatal messages say why it died. */
const STDERR_TAIL = 4096;

export class RuntimeProcess extends EventEmitter {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly folders: string[];
  readonly memoryLimitMB: number;
  readonly permissionFlag: string | null;
  /** Set once the process has ended; the reason is what a run that was going reports. */
  exitReason: { kind: string; message: string; beforeReady: boolean } | null = null;
  private isReady = false;
  private stderrTail = '';

  constructor(options: RuntimeProcessOptions) {
    super();
    this.folders = options.folders.map(real);
    this.memoryLimitMB = options.memoryLimitMB;
    this.permissionFlag = options.permissionFlag;
    const config: ProcessConfig = { memoryLimitMB: options.memoryLimitMB };
    this.child = fork(path.join(options.distDir, 'runtime-process.js'), [JSON.stringify(config)], {
      execArgv: runtimeExecArgv(options),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      serialization: 'advanced', // typed arrays (losses, parameters) travel as they are, not as JSON
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let resolveReady!: () => void;
    let rejectReady!: (err: Error) => void;
    this.ready = new Promise<void>((res, rej) => {
      resolveReady = res;
      rejectReady = rej;
    });
    this.ready.catch(() => undefined); // reported to whoever awaits it, or through the run
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (text: string) => {
      if (process.env.BACKPROP_LENS_DEBUG) process.stderr.write(text);
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL);
    });
    this.child.on('message', (m: ProcessMessage) => {
      if (m.type === 'ready') {
        this.isReady = true;
        resolveReady();
      } else if (m.type === 'lost') rejectReady(new Error(m.reason));
      this.emit('message', m);
    });
    this.child.on('error', () => undefined); // a failed fork also ends in 'exit'
    this.child.on('exit', (code, signal) => {
      this.exitReason = { ...this.describeExit(code, signal), beforeReady: !this.isReady };
      rejectReady(new Error(this.exitReason.message));
      this.emit('exit');
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether a file in `folder` (null: not on disk) may run here: its folder must be one it can read. */
  allows(folder: string | null): boolean {
    return (
      folder === null ||
      isInside(real(folder), real(os.tmpdir())) ||
      this.folders.some((f) => isInside(real(folder), f))
    );
  }

  /** True when the process could not start because this runtime refused the permission flag. */
  get refusedPermissionFlag(): boolean {
    return (
      !!this.permissionFlag &&
      !!this.exitReason?.beforeReady &&
      /bad option|not allowed|permission/i.test(this.stderrTail)
    );
  }

  send(cmd: ProcessCommand): void {
    if (this.child.connected) this.child.send(cmd);
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.exitReason === null) this.child.kill(signal);
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): { kind: string; message: string } {
    const tail = this.stderrTail;
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(tail)) {
      return {
        kind: 'MemoryError',
        message: `the run used more than the ${this.memoryLimitMB} MB memory limit (setting backpropLens.memoryLimitMB)`,
      };
    }
    if (signal === 'SIGKILL') {
      return {
        kind: 'RuntimeError',
        message: 'the Python process was killed (SIGKILL); the system may have run out of memory',
      };
    }
    const last = tail
      .trim()
      .split('\n')
      .filter((l) => l.trim() && !/ExperimentalWarning|--trace-warnings/.test(l))
      .pop();
    const how = signal ? `signal ${signal}` : `code ${code}`;
    return {
      kind: 'RuntimeError',
      message: `the Python process ended unexpectedly (${how})${last ? `: ${last.trim()}` : ''}`,
    };
  }
}
