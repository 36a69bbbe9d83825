"""Backprop Lens probe: what it may spend of a run's time beyond the losses and learning rates.

Every kind of optional work (per-step gradient norms and update ratios, parameter and activation snapshots,
the concept views and a slice's path) gets a share of the run's wall-clock time, and whatever does not fit in
its share happens at fewer steps. The shares are kept in one place because they add up: the issue's target is
at most 10% on a W3-size step (784-256-128-10, batch 128), and the fixed cost of the hooks (module forward
hooks, wrapped loss functions, the backward and optimizer-step patches: about 2-3% of such a step) comes on top.
The measured cost of such work runs above its timed share (it evicts the step's own data from the caches), so
the shares together stay near 4%. The snapshots' and concept views' shares are a fifth of the built-in
runtime's (runReporter.ts, conceptRecorder.ts): on real PyTorch the learner's own steps come first, and a W3
step's views still refresh every second or so.
"""

import math
import time

# Each step's gradient norms and update/weight ratios (_blp_phases.py).
METRICS_SHARE = 0.008
# Each of the parameter and the activation snapshots (_blp_recorder.py), after their interval (10 a second).
SNAPSHOT_SHARE = 0.004
# Each concept view (_blp_concepts.py), after its interval.
CONCEPT_SHARES = {'prediction': 0.006, 'landscape': 0.006, 'graph': 0.003, 'activationInputs': 0.002, 'batch': 0.001}
# A slice landscape's path: one loss per step along the slice's two directions.
PATH_SHARE = 0.004


# Recent costs the estimate of one unit of work is taken from (see Budget._schedule).
RECENT = 3


class Budget:
    """At most `share` of the run's wall-clock time for one kind of per-step work: after work that took t
    seconds, the next is due t / share seconds later (the first at once). The steps between record nothing."""

    def __init__(self, share):
        self.share = share
        self.next = -math.inf
        self.started = None  # when the work that due() allowed began
        self.begun = None  # when the latest finished work began
        self.costs = []  # the latest works' seconds, the newest last

    def due(self):
        now = time.perf_counter()
        if now < self.next:
            return False
        self.started = now
        return True

    def spent(self):
        """The work that `due` allowed is over (call once per due)."""
        if self.started is not None:
            now = time.perf_counter()
            self.costs = (self.costs + [now - self.started])[-RECENT:]
            self.begun = self.started
            self.started = None
            self._schedule()

    def add(self, seconds):
        """More time spent on the same work later (the update half of a step's numbers)."""
        if self.costs:
            self.costs[-1] += seconds
            self._schedule()

    def _schedule(self):
        # The first work's time includes one-time costs (PyTorch's first call of each kernel, lazy imports), so
        # the second comes at once; after that the least of the recent times, so that one stretched by a busy
        # machine (the process preempted mid-work) does not hold the work off for the rest of a short run.
        if len(self.costs) < 2:
            self.next = self.begun
        else:
            self.next = self.begun + min(self.costs) / self.share
