// What the runtime test files share: one warmed Runner on the built dist/ per file, running a file while
// collecting its events, and picking events by type. Not a test file itself (no .test.ts suffix).
import { after, before } from 'node:test';
import path from 'node:path';
import type { RunEvent } from '../../src/protocol';
import { Runner, type RunOptions } from '../../src/python/runner';

export const distDir = path.resolve(__dirname, '..', '..', 'dist');

/** A Runner on dist/, created and warmed before the calling file's tests and disposed of after them. */
export function warmRunner(): { readonly runner: Runner } {
  const shared = {} as { runner: Runner };
  before(async () => {
    shared.runner = new Runner({ distDir });
    await shared.runner.warm();
  });
  after(() => shared.runner.dispose());
  return shared;
}

/**
 * Runs `options` and returns every event of the run (the `finished` event last). `onEvent` sees each event
 * right after it is recorded; `during` is called once the run has been requested. Each run has a process of
 * its own: the spare is awaited first, so timings start from a loaded runtime, as a learner's second click.
 */
export async function runCollecting(
  runner: Runner,
  options: RunOptions,
  onEvent?: (e: RunEvent) => void,
  during?: () => void,
): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  const on = (e: RunEvent) => {
    events.push(e);
    onEvent?.(e);
  };
  await runner.warm();
  runner.on('event', on);
  try {
    const done = runner.run(options);
    during?.();
    await done;
  } finally {
    runner.off('event', on);
  }
  return events;
}

/** The events of one type, typed as such. */
export const ofType = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
