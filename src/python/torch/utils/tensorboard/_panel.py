"""Scalars logged with SummaryWriter go to Backprop Lens's panel too, as a `scalars` event (one chart per
add_scalar tag or add_scalars main tag; the runtime batches them, see src/python/scalarLog.ts)."""

import os

# Points logged so far per (chart, label): a point logged without global_step is drawn at this count.
_counts = {}


_send = []  # the bridge's scalar_logged, looked up once (an import per value costs the import guard's check)


def _bridge():
    if not _send:
        try:
            import _bl_engine

            _send.append(getattr(_bl_engine, 'scalar_logged', None))
        except ImportError:  # outside the runtime (a test importing the package): nothing to report to
            _send.append(None)
    return _send[0]


def host_identity():
    """The machine's name and the process id, as the host reports them (socket's and os's outside the runtime)."""
    try:
        import _bl_engine

        host, pid = _bl_engine.host_identity().split('\n')
        return host, int(pid)
    except (ImportError, AttributeError):
        import socket

        return socket.gethostname(), os.getpid()


def report(chart, label, step, value):
    key = (chart, label)
    count = _counts.get(key, 0)
    _counts[key] = count + 1
    send = _bridge()
    if send is not None:
        send(chart, label, count if step is None else step, value)
