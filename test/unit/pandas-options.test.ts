// pd.set_option lasts for one run only: modules outlive runs in the runtime, and the runner puts pandas'
// display options back (as it does numpy's print options and matplotlib's rcParams), so one file's
// `pd.set_option('display.width', 140)` (fast.ai's lesson 5 sets it up front) does not rewrap the next file's
// Index reprs. Uses the built dist/: run `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../src/protocol';
import { runCollecting, warmRunner } from './runtime-helpers';

const shared = warmRunner();
const stdout = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'output' && e.stream === 'stdout' ? [e.text] : [])).join('');

test("pd.set_option('display.width') holds within a run and is reset for the next", async () => {
  const first = await runCollecting(shared.runner, {
    file: 'wide.py',
    source: "import pandas as pd\npd.set_option('display.width', 140)\nprint(pd.get_option('display.width'))\n",
  });
  assert.equal(stdout(first), '140\n');
  const second = await runCollecting(shared.runner, {
    file: 'default.py',
    source: "import pandas as pd\nprint(pd.get_option('display.width'))\n",
  });
  assert.equal(stdout(second), '80\n');
});
