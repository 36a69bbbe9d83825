// A learner's own scheduler (torch/optim/_python_scheduler.py): a subclass of optim.lr_scheduler._LRScheduler
// with its own get_lr(), run in a real Pyodide on our torch and compared with real PyTorch 1.13
// (test/unit/lr-scheduler-subclass-torch113.json, written by lr-scheduler-subclass-fixture.py, which is also
// the script run here): the lrs written into the groups step by step, get_last_lr(), base_lrs, initial_lr,
// state_dict() items in PyTorch's order, load_state_dict, resuming with last_epoch, the order and epoch
// warnings, and the errors for a missing get_lr() and a non-optimizer.
import { test } from 'node:test';
import { assertCasesMatch, fixtureRunner } from './pyodide-fixture';

const fixture = fixtureRunner();

test("a learner's _LRScheduler subclass schedules, saves and warns as in PyTorch 1.13", () => {
  assertCasesMatch(fixture, 'lr-scheduler-subclass-fixture.py', 'lr-scheduler-subclass-torch113.json');
});
