# Writes src/python/matplotlib/_data_tables.py from Debian's real matplotlib 3.6.3 (python3-matplotlib):
# the named colours, the default colour cycle and the colormaps' lookup tables, so that our pure-Python
# matplotlib draws with matplotlib's own colours. Run: /usr/bin/python3 test/matplotlib/make_data.py
import os

import matplotlib
import matplotlib.colors as mcolors
from matplotlib import colormaps

CMAPS = [
    'viridis',
    'plasma',
    'inferno',
    'magma',
    'cividis',
    'gray',
    'Greys',
    'binary',
    'bone',
    'hot',
    'cool',
    'copper',
    'Blues',
    'Reds',
    'Greens',
    'Oranges',
    'Purples',
    'YlGnBu',
    'YlOrRd',
    'PuBu',
    'RdBu',
    'RdYlBu',
    'RdYlGn',
    'Spectral',
    'coolwarm',
    'bwr',
    'seismic',
    'PiYG',
    'PRGn',
    'BrBG',
    'jet',
    'rainbow',
    'hsv',
    'terrain',
    'twilight',
    'spring',
    'summer',
    'autumn',
    'winter',
    'tab10',
    'tab20',
    'Paired',
    'Set1',
    'Set2',
    'Set3',
    'Pastel1',
    'Dark2',
    'Accent',
]


def hex_table(cmap):
    n = cmap.N
    rgba = cmap(list(range(n)))
    return ''.join('%02x%02x%02x' % tuple(int(round(c * 255)) for c in row[:3]) for row in rgba)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, '..', '..', 'src', 'python', 'matplotlib', '_data_tables.py')
    lines = [
        f'"""Colour tables of matplotlib {matplotlib.__version__}, written by test/matplotlib/make_data.py from the',
        'real library: named colours, the default property cycle and each colormap\'s lookup table (hex, 6',
        'characters an entry, looked up as matplotlib does: entry int(x * N) of N, clipped)."""',
        '',
        'CYCLE = (',
    ]
    for c in matplotlib.rcParams['axes.prop_cycle'].by_key()['color']:
        lines.append(f"    '{c}',")
    lines.append(')')
    lines.append('')
    named = {}
    named.update({k: mcolors.to_hex(v) for k, v in mcolors.BASE_COLORS.items()})
    named.update(mcolors.TABLEAU_COLORS)
    named.update(mcolors.CSS4_COLORS)
    lines.append('NAMED = {')
    for k in sorted(named):
        lines.append(f"    '{k.lower()}': '{named[k].lower()}',")
    lines.append('}')
    lines.append('')
    lines.append(
        'LISTED = frozenset({'
        + ', '.join(
            f"'{n}'" for n in CMAPS if isinstance(colormaps[n], mcolors.ListedColormap) and colormaps[n].N < 256
        )
        + '})'
    )
    lines.append('')
    lines.append('CMAPS = {')
    for name in CMAPS:
        lines.append(f"    '{name}': '{hex_table(colormaps[name])}',")
    lines.append('}')
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')


main()
