// Run by interpreter-tier-up.test.ts in a fresh Node: starts Python as a worker does (from the start-up snapshot
// in dist/pyodide), then asks V8 which code CPython's bytecode loop runs on.
import path from 'node:path';
import v8 from 'node:v8';
import { needsForcedTierUp } from '../../src/python/interpreterTierUp';
import { startPython } from '../../src/python/startup';
import type { ShimHooks } from '../../src/python/hooks';

const quiet = new Proxy({}, { get: () => () => undefined }) as ShimHooks;

void (async () => {
  const { py } = await startPython(path.resolve(__dirname, '../../dist'), quiet);
  let intrinsicsOff = false;
  try {
    new Function('f', '%IsLiftoffFunction(f)');
  } catch (err) {
    intrinsicsOff = err instanceof SyntaxError;
  }
  v8.setFlagsFromString('--allow-natives-syntax');
  const isLiftoff = new Function('f', 'return %IsLiftoffFunction(f)') as (f: unknown) => boolean;
  v8.setFlagsFromString('--no-allow-natives-syntax');
  const evalFrame = (py as unknown as { _module: Record<string, unknown> })._module.__PyEval_EvalFrameDefault;
  const printed: string[] = [];
  py.setStdout({ batched: (line: string) => printed.push(line) });
  py.runPython('print(sum(i * i for i in range(1000)))');
  const forced = needsForcedTierUp(process.versions.v8);
  console.log(JSON.stringify({ forced, baseline: isLiftoff(evalFrame), intrinsicsOff, printed }));
})();
