// A Python file's bytes decoded as `python3 FILE.py` decodes them (PEP 263 and PEP 3120): UTF-8 by default,
// a UTF-8 byte-order mark dropped, and a `# -*- coding: NAME -*-` line in the first two lines naming another
// encoding. CPython's own compile() ignores a coding line in text it is given already decoded, so the
// decoding has to happen here, where the bytes are read.
import fs from 'node:fs';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** PEP 263's regular expression for the coding declaration. */
const CODING_LINE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** Python's codec names that WHATWG's TextDecoder spells differently. */
const ALIASES: Record<string, string> = {
  latin_1: 'latin1',
  'latin-1': 'latin1',
  iso_8859_1: 'latin1',
  l1: 'latin1',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  euc_kr: 'euc-kr',
};

/** The encoding a coding line in the first two lines names, or null (UTF-8). */
export function declaredEncoding(bytes: Uint8Array): string | null {
  let start = 0;
  for (let lineNo = 0; lineNo < 2 && start < bytes.length; lineNo++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    // The declaration is ASCII; latin1 maps each byte to one character, so nothing can fail here.
    const line = Buffer.from(bytes.subarray(start, end)).toString('latin1');
    const match = CODING_LINE.exec(line);
    if (match) return match[1].toLowerCase();
    // PEP 263: only a comment or blank first line lets the second line declare the encoding.
    if (!/^[ \t\f]*(#.*)?\r?$/.test(line)) return null;
    start = end + 1;
  }
  return null;
}

/** The source text of a Python file's bytes. Throws a SyntaxError-like Error for an unknown encoding. */
export function decodePythonSource(bytes: Uint8Array): string {
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body);
  const name = declared === null ? 'utf-8' : (ALIASES[declared] ?? declared.replace(/_/g, '-'));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name);
  } catch {
    throw new Error(`encoding problem: ${declared}`);
  }
  return decoder.decode(body);
}

/** Reads and decodes a Python file as python3 would. */
export function readPythonSource(file: string): string {
  return decodePythonSource(fs.readFileSync(file));
}

/**
 * A column of Python's (1-based, in code points) as VS Code counts it (UTF-16 code units), given the
 * line's text: characters outside the Basic Multilingual Plane (emoji) are one code point but two units.
 */
export function codePointColumnToUtf16(lineText: string, column: number): number {
  let units = 0;
  let points = 0;
  for (const ch of lineText) {
    if (points >= column - 1) break;
    units += ch.length;
    points++;
  }
  return units + Math.max(0, column - 1 - points) + 1;
}
