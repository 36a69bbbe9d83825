"""Where figures go: shown figures become `figure` events for the panel (through the runtime's bridge, at most
ten a second per figure number, the latest always sent by the end of the run), and savefig writes a PNG
rasterised by the runtime (src/python/figures) from the same description the panel draws."""

import json
import os
import time

SHOW_INTERVAL_S = 0.1
_last_sent = {}
_pending = {}


def _bridge():
    import _bl_engine

    return _bl_engine


def _send(fig):
    _bridge().figure_show(json.dumps(fig.to_json(), allow_nan=False))
    _last_sent[fig.number] = time.monotonic()
    _pending.pop(fig.number, None)


def show(fig):
    """Sends the figure now, or keeps it to send once the interval has passed (a loop showing 1000 times)."""
    last = _last_sent.get(fig.number)
    if last is not None and time.monotonic() - last < SHOW_INTERVAL_S:
        _pending[fig.number] = fig
        return
    _send(fig)


def flush(open_figures):
    """The end of a run: figures kept back by the interval, then every figure still open."""
    for fig in list(_pending.values()):
        if fig not in open_figures:
            _send(fig)
    for fig in open_figures:
        _send(fig)
    reset()


def reset():
    _last_sent.clear()
    _pending.clear()


def png_bytes(fig, dpi=None, transparent=False):
    dpi = fig.dpi if dpi in (None, 'figure') else float(dpi)
    data = fig.to_json()
    data['dpi'] = dpi
    png = _bridge().figure_png(json.dumps(data, allow_nan=False), bool(transparent))
    return png.to_bytes() if hasattr(png, 'to_bytes') else bytes(png)


def savefig(fig, fname, dpi, fmt, transparent):
    name = os.fspath(fname) if isinstance(fname, (str, os.PathLike)) else None
    if fmt is None:
        ext = os.path.splitext(name)[1][1:].lower() if name else ''
        fmt = ext or 'png'
        if name and not ext:
            name += '.png'
    if fmt.lower() != 'png':
        raise NotImplementedError(
            f"savefig in {fmt!r} format is not supported by Backprop Lens (save as PNG: a file name ending in .png)"
        )
    data = png_bytes(fig, dpi, transparent)
    if name is None:
        fname.write(data)
        return
    with open(name, 'wb') as f:
        f.write(data)
