"""Backprop Lens probe: pause / continue / stop from the host.

The host writes one command a line to the control channel (an inherited descriptor `fd:N`, `-` for stdin, a
path such as a named pipe, or `tcp`: the connection the events go out on): `pause`, `continue` (or `train`), `step`, `backprop`, `stop`. A thread reads
them, so the training loop only reads two attributes at each phase boundary. A paused script blocks in
`wait_while_paused` (no CPU) until a resume or a stop.

Stop is a KeyboardInterrupt in the script, as Ctrl-C would give: SIGINT from the host (the runner sends it,
then kills the process if it has not ended after a grace period) or the `stop` command, which interrupts the
main thread the same way. The phase-boundary checks re-raise it when a bare `except:` swallowed the first.
When the channel is a descriptor and it closes, the host is gone: the run stops.
"""

import _thread
import os
import signal
import threading

RUN = 0
PAUSE = 1
STOP = 2

_MODES = {'continue': 'train', 'train': 'train', 'step': 'step', 'backprop': 'backprop', 'phases': 'phases'}


class Control:
    def __init__(self, mode):
        self.mode = mode
        self.state = RUN
        self.eof = False
        # False without a control channel: nobody could resume a pause, so the run never pauses.
        self.can_pause = False
        # Called at each pause (step, phase, pos) when someone types the commands (a terminal on stdin).
        self.announce = None
        # Set once the script has ended: a late SIGINT must not interrupt the probe's own reporting.
        self.finishing = False
        self._cond = threading.Condition()

    @property
    def stop_requested(self):
        return self.state == STOP

    # ---- host side (reader thread, signal handler) ------------------------------------------------

    def command(self, line):
        """Applies one command line; unknown ones are ignored."""
        word = line.strip().lower()
        with self._cond:
            if word == 'pause':
                if self.state == RUN:
                    self.state = PAUSE
            elif word in _MODES:
                self.mode = _MODES[word]
                if self.state == PAUSE:
                    self.state = RUN
                    self._cond.notify_all()
            elif word == 'stop':
                self._request_stop(interrupt=True)

    def _request_stop(self, interrupt):
        was_running = self.state != PAUSE
        self.state = STOP
        self._cond.notify_all()
        # A paused script wakes from the notify; a running one needs the interrupt.
        if interrupt and was_running and not self.finishing:
            _thread.interrupt_main()

    def channel_closed(self, host_gone):
        """The control channel reached its end: nobody can resume a pause any more."""
        with self._cond:
            self.eof = True
            if host_gone or self.state == PAUSE:
                self._request_stop(interrupt=host_gone)

    def install_sigint(self):
        """SIGINT (the host's stop, or Ctrl-C) raises KeyboardInterrupt in the script, once it is over none."""

        def on_sigint(signum, frame):
            self.state = STOP
            if not self.finishing:
                raise KeyboardInterrupt

        try:
            signal.signal(signal.SIGINT, on_sigint)
        except ValueError:  # not the main thread (embedded use): keep Python's default
            pass

    def start_reader(self, source, connection=None):
        """Reads commands from `source` (`fd:N`, `-`, a path, or `tcp`: `connection`, the events' socket) in a
        daemon thread."""
        host_gone = source.startswith('fd:') or source == 'tcp'
        self.can_pause = True

        def read():
            try:
                if source == 'tcp':
                    stream = connection.makefile('rb', buffering=0)
                elif source == '-':
                    stream = os.fdopen(os.dup(0), 'rb', buffering=0)
                elif host_gone:
                    stream = os.fdopen(int(source[3:]), 'rb', buffering=0)
                else:
                    stream = open(source, 'rb', buffering=0)
                pending = b''
                while True:
                    chunk = stream.read(4096)
                    if not chunk:
                        break
                    pending += chunk
                    while b'\n' in pending:
                        line, pending = pending.split(b'\n', 1)
                        self.command(line.decode('utf-8', 'replace'))
                if pending:
                    self.command(pending.decode('utf-8', 'replace'))
            except OSError:
                pass
            self.channel_closed(host_gone)

        thread = threading.Thread(target=read, name='backprop-lens-control', daemon=True)
        thread.start()
        return thread

    # ---- script side (phase boundaries) -----------------------------------------------------------

    def enter_pause(self):
        """Marks the run paused; False when a stop came first."""
        with self._cond:
            if self.state == STOP:
                return False
            if self.eof:  # nobody left to resume it
                self.state = STOP
                return False
            self.state = PAUSE
            return True

    def wait_while_paused(self):
        """Blocks until the host resumes (returns RUN) or stops (returns STOP) the run."""
        with self._cond:
            while self.state == PAUSE:
                self._cond.wait(0.5)
            return STOP if self.state == STOP else RUN


def check_stop(control):
    """Raises the stop's KeyboardInterrupt again (a bare `except:` may have swallowed the first one)."""
    if control.state == STOP and not control.finishing:
        raise KeyboardInterrupt
