// Finds where the CodeLens actions go in a Python file: above each `nn.Module` subclass and above each
// training loop (a `for`/`while` whose body calls `.backward()`). A line scanner, not a parser: it only has
// to be right for the files learners write, and it must be fast enough to run on every keystroke.
// No vscode import so node can unit-test it.

export interface LensTarget {
  kind: 'module' | 'loop';
  /** 0-based line of the `class` / `for` / `while` keyword. */
  line: number;
  /** Class name for a module; the loop header text (trimmed, without the colon) for a loop. */
  name: string;
}

const TORCH_IMPORT = /^[ \t]*(?:import[ \t]+torch\b|from[ \t]+torch\b)/m;

/** True when the file imports torch (`import torch`, `import torch.nn as nn`, `from torch import nn`). */
export function importsTorch(text: string): boolean {
  return TORCH_IMPORT.test(stripStrings(text));
}

const CLASS_HEADER = /^class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)[ \t]*:/;
const LOOP_HEADER = /^(?:async[ \t]+)?(for|while)\b(.*):[ \t]*(#.*)?$/;
const LOOP_INLINE = /^(?:async[ \t]+)?(for|while)\b([^:]*):(.*)$/;
const BACKWARD_CALL = /\.backward[ \t]*\(/;

/** Names a class may list as a base to count as a module: `nn.Module`, `torch.nn.Module`, or `Module`. */
function isModuleBase(bases: string, knownModules: Set<string>): boolean {
  return bases
    .split(',')
    .map((b) => b.trim())
    .some((b) => /^(?:torch\.)?(?:nn\.)?Module$/.test(b) || knownModules.has(b));
}

interface Line {
  indent: number;
  code: string;
}

/** Lines with string contents and comments blanked out, so `"for x: y.backward()"` inside a string is ignored. */
function codeLines(text: string): (Line | null)[] {
  return stripStrings(text)
    .split(/\r?\n/)
    .map((raw) => {
      const noComment = raw.replace(/#.*$/, '');
      if (noComment.trim() === '') return null;
      const indent = /^[ \t]*/.exec(noComment)![0].replace(/\t/g, '    ').length;
      return { indent, code: noComment.trim() };
    });
}

/**
 * Replaces the inside of string literals (including triple-quoted ones spanning lines) with spaces and
 * keeps line breaks, so positions and line numbers stay the same.
 */
export function stripStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '#') {
      // A comment runs to the end of the line; quotes inside it open no string.
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      out += quote;
      i += quote.length;
      while (i < text.length) {
        if (text[i] === '\\') {
          out += '  ';
          i += 2;
          continue;
        }
        if (text.startsWith(quote, i)) break;
        if (!triple && text[i] === '\n') break; // unterminated single-line string
        out += text[i] === '\n' ? '\n' : ' ';
        i++;
      }
      if (text.startsWith(quote, i)) {
        out += quote;
        i += quote.length;
      }
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Every place a CodeLens row goes, in line order. Nested training loops get one row, on the outermost. */
export function findLensTargets(text: string): LensTarget[] {
  const lines = codeLines(text);
  const targets: LensTarget[] = [];
  const knownModules = new Set<string>();
  let insideLoopUntilIndent = -1; // indent of the outermost training loop we are inside, or -1

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (insideLoopUntilIndent >= 0 && line.indent <= insideLoopUntilIndent) insideLoopUntilIndent = -1;

    const cls = CLASS_HEADER.exec(line.code);
    if (cls && isModuleBase(cls[2], knownModules)) {
      knownModules.add(cls[1]);
      targets.push({ kind: 'module', line: i, name: cls[1] });
      continue;
    }

    if (insideLoopUntilIndent >= 0) continue;
    const loop = LOOP_HEADER.exec(line.code);
    if (loop) {
      if (bodyCallsBackward(lines, i)) {
        targets.push({ kind: 'loop', line: i, name: headerName(line.code) });
        insideLoopUntilIndent = line.indent;
      }
      continue;
    }
    const inline = LOOP_INLINE.exec(line.code);
    if (inline && BACKWARD_CALL.test(inline[3])) {
      targets.push({ kind: 'loop', line: i, name: headerName(line.code) });
    }
  }
  return targets;
}

function headerName(code: string): string {
  const colon = code.lastIndexOf(':');
  return (colon > 0 ? code.slice(0, colon) : code).trim();
}

/** Whether the indented block after the header at `start` calls `.backward(`. */
function bodyCallsBackward(lines: (Line | null)[], start: number): boolean {
  const headerIndent = lines[start]!.indent;
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j];
    if (!l) continue;
    if (l.indent <= headerIndent) return false;
    if (BACKWARD_CALL.test(l.code)) return true;
  }
  return false;
}
