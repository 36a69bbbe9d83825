# Writes src/python/matplotlib/_cmap_exact.py from Debian's real matplotlib 3.6.3: the RGB floats of each
# ListedColormap whose colours are not whole 8-bit steps (viridis, plasma, inferno, magma, cividis,
# twilight...), so that `plt.cm.viridis(0.5)` prints matplotlib's own tuple, (0.127568, 0.566949, 0.550556,
# 1.0), rather than the 8-bit colour the drawing tables (_data_tables.py) hold. Segmented maps are left to
# those tables. Run: /usr/bin/python3 test/matplotlib/make_exact_cmaps.py
import os

import matplotlib.colors as mcolors
from matplotlib import colormaps

HERE = os.path.dirname(os.path.abspath(__file__))
TABLES = os.path.join(HERE, '..', '..', 'src', 'python', 'matplotlib', '_data_tables.py')


def our_cmaps():
    """The colormap names our _data_tables.py holds (read as text: our package shares matplotlib's name)."""
    scope = {}
    with open(TABLES) as f:
        exec(f.read(), scope)
    return list(scope['CMAPS'])


def table(names):
    lines = []
    for name in names:
        cmap = colormaps[name]
        rgb = [float(v) for row in cmap(list(range(cmap.N))) for v in row[:3]]
        text = ' '.join(repr(v) for v in rgb)
        chunks = [text[i : i + 100] for i in range(0, len(text), 100)]
        lines.append(f"    '{name}': (")
        lines.extend(f"        '{c}'" for c in chunks)
        lines.append('    ),')
    return lines


def main():
    names = []
    for name in our_cmaps():
        cmap = colormaps[name]
        if not isinstance(cmap, mcolors.ListedColormap):
            continue
        rgb = [float(v) for row in cmap(list(range(cmap.N))) for v in row[:3]]
        if not all(round(v * 255) / 255 == v for v in rgb):
            names.append(name)
    # twilight (510 colours) in a file of its own: each stays under the 600-line limit.
    out = os.path.join(HERE, '..', '..', 'src', 'python', 'matplotlib')
    rest = [n for n in names if n != 'twilight']
    lines = [
        '"""RGB floats of the listed colormaps whose colours are not 8-bit steps, as matplotlib 3.6.3 holds them',
        '(written by test/matplotlib/make_exact_cmaps.py): entry i of a map is values[3 i : 3 i + 3]."""',
        '',
        'from ._cmap_exact_twilight import VALUES as _TWILIGHT',
        '',
        'VALUES = {',
        *table(rest),
        '    **_TWILIGHT,',
        '}',
    ]
    with open(os.path.join(out, '_cmap_exact.py'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    lines = ['"""twilight\'s RGB floats (see _cmap_exact.py)."""', '', 'VALUES = {', *table(['twilight']), '}']
    with open(os.path.join(out, '_cmap_exact_twilight.py'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


main()
