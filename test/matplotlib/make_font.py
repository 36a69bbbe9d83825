# Writes src/python/figures/fontAtlas.ts: DejaVu Sans (matplotlib's default font) rendered at 24 px by
# Debian's Pillow into alpha masks, for the PNG rasteriser of savefig. Run:
#   /usr/bin/python3 test/matplotlib/make_font.py
import base64
import json
import os
import zlib

from PIL import Image, ImageDraw, ImageFont

SIZE = 24
FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
CHARS = [chr(c) for c in range(32, 127)] + list(
    '\u2212\u00d7\u00b0\u03bc\u00b2\u00b3\u00b7\u2026\u03b1\u03b2\u03b8\u03bb\u03c3\u2014\u2013'
)


def main():
    font = ImageFont.truetype(FONT, SIZE)
    ascent, descent = font.getmetrics()
    glyphs = {}
    data = bytearray()
    for ch in CHARS:
        left, top, right, bottom = font.getbbox(ch, anchor='ls')
        w, h = max(0, right - left), max(0, bottom - top)
        advance = font.getlength(ch)
        offset = len(data)
        if w and h:
            img = Image.new('L', (w, h), 0)
            ImageDraw.Draw(img).text((-left, -top), ch, font=font, fill=255, anchor='ls')
            data += img.tobytes()
        glyphs[ch] = [round(advance, 3), left, top, w, h, offset]
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, '..', '..', 'src', 'python', 'figures', 'fontAtlas.ts')
    packed = base64.b64encode(zlib.compress(bytes(data), 9)).decode('ascii')
    lines = [
        '// DejaVu Sans (matplotlib\'s default font) at 24 px as alpha masks, made by test/matplotlib/make_font.py',
        '// with Pillow. Each glyph: [advance, left, top (from the baseline, negative is up), width, height, offset',
        '// into the inflated masks].',
        f'export const ATLAS_SIZE = {SIZE};',
        f'export const ATLAS_ASCENT = {ascent};',
        f'export const ATLAS_DESCENT = {descent};',
        f'export const GLYPHS: Record<string, [number, number, number, number, number, number]> = {json.dumps(glyphs, ensure_ascii=True)};',
        '/** zlib-deflated, base64. */',
        f"export const MASKS = '{packed}';",
    ]
    with open(out, 'w') as f:
        f.write('\n'.join(lines) + '\n')


main()
