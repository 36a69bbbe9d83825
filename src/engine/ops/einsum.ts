// torch.einsum, as PyTorch computes it: each operand's repeated letters become a diagonal, letters no other
// operand or the output needs are summed away, and two operands meet in one batched matmul (batch letters,
// left-only letters x contracted letters, contracted letters x right-only letters). Built from
// differentiable ops, so the gradient is theirs.
import { pyError } from '../errors';
import type { Tensor } from '../tensor';
import { matmul } from './matmul';
import { mul } from './arith';
import { sum } from './reduce';
import { expand, permute, reshape, view } from './view';
import { diagonal } from './rearrange';

interface Term {
  t: Tensor;
  /** One letter per dim of t. */
  letters: string[];
  /** Whether t is a batched matrix product (bmm) viewed into its letters' dims. */
  product?: boolean;
}

/** The letter standing for the k-th dim (from the right) that '...' covers: outside a-zA-Z, so never a clash. */
const ellipsisLetter = (k: number) => String.fromCharCode(0x100 + k);

/**
 * The letters of each operand and of the output, '...' replaced by one letter per dim it covers (counted
 * from the right, so that operands with fewer such dims broadcast against the others', as PyTorch aligns them).
 */
function parse(equation: string, operands: readonly Tensor[]): { inputs: string[][]; output: string[] } {
  const eq = equation.replace(/\s+/g, '');
  const [lhs, rhs] = eq.split('->');
  const terms = lhs.split(',');
  if (terms.length !== operands.length) {
    throw pyError('RuntimeError', 'einsum(): more operands were provided than specified in the equation');
  }
  let covered = 0;
  const inputs = terms.map((term, i) => {
    const parts = term.split('...');
    const letters = parts.join('').split('');
    for (const c of letters)
      if (!/[a-zA-Z]/.test(c)) throw pyError('RuntimeError', `einsum(): invalid subscript given at index: ${c}`);
    if (parts.length === 1) return letters;
    const n = operands[i].ndim - letters.length;
    if (n < 0) {
      throw pyError(
        'RuntimeError',
        `einsum(): the number of subscripts in the equation (${letters.length}) is more than the number of ` +
          `dimensions (${operands[i].ndim}) for operand ${i}`,
      );
    }
    covered = Math.max(covered, n);
    const dots = Array.from({ length: n }, (_, k) => ellipsisLetter(n - 1 - k));
    return [...parts[0].split('').filter(Boolean), ...dots, ...parts[1].split('').filter(Boolean)];
  });
  const dots = Array.from({ length: covered }, (_, k) => ellipsisLetter(covered - 1 - k));
  let output: string[];
  if (rhs !== undefined) {
    const parts = rhs.split('...');
    output =
      parts.length === 1
        ? rhs.split('')
        : [...parts[0].split('').filter(Boolean), ...dots, ...parts[1].split('').filter(Boolean)];
  } else {
    // Implicit output: the broadcast dims, then the letters that appear exactly once, in alphabetical order.
    const seen = new Map<string, number>();
    for (const c of inputs.flat()) if (/[a-zA-Z]/.test(c)) seen.set(c, (seen.get(c) ?? 0) + 1);
    output = [...dots, ...[...seen.keys()].filter((c) => seen.get(c) === 1).sort()];
  }
  return { inputs, output };
}

/** Expands each operand's size-1 dims to the size other operands give the same letter (PyTorch broadcasts). */
function broadcastTerms(terms: Term[]): Term[] {
  const sizes = new Map<string, number>();
  terms.forEach((term, i) =>
    term.letters.forEach((c, d) => {
      const s = term.t.shape[d];
      const seen = sizes.get(c);
      if (seen === undefined || seen === 1) sizes.set(c, s);
      else if (s !== 1 && s !== seen) {
        const name = c.charCodeAt(0) >= 0x100 ? '...' : c;
        throw pyError(
          'RuntimeError',
          `einsum(): subscript ${name} has size ${s} for operand ${i} which does not broadcast with previously seen size ${seen}`,
        );
      }
    }),
  );
  return terms.map((term) => {
    const shape = term.letters.map((c) => sizes.get(c)!);
    return shape.every((s, d) => s === term.t.shape[d]) ? term : { t: expand(term.t, shape), letters: term.letters };
  });
}

/** Takes the diagonal for each letter repeated within one operand ('ii' -> 'i'). */
function dedupe(term: Term): Term {
  let { t, letters } = term;
  for (;;) {
    const i = letters.findIndex((c, k) => letters.indexOf(c) !== k);
    if (i < 0) return { t, letters };
    const first = letters.indexOf(letters[i]);
    t = diagonal(t, 0, first, i);
    letters = [...letters.filter((_, k) => k !== first && k !== i), letters[i]];
  }
}

/** Sums away the letters of `term` that `keep` does not contain. */
function sumAway(term: Term, keep: Set<string>): Term {
  const dims = term.letters.map((c, d) => (keep.has(c) ? -1 : d)).filter((d) => d >= 0);
  if (dims.length === 0) return term;
  return { t: sum(term.t, dims), letters: term.letters.filter((c) => keep.has(c)) };
}

function permuted(term: Term, order: readonly string[]): Tensor {
  const perm = order.map((c) => term.letters.indexOf(c));
  return perm.every((p, i) => p === i) ? term.t : permute(term.t, perm);
}

/** Two terms into one whose letters are `keep`'s members among theirs: batch x left x right. */
function contract(a: Term, b: Term, keep: Set<string>): Term {
  const inB = new Set(b.letters);
  const inA = new Set(a.letters);
  const batch = a.letters.filter((c) => inB.has(c) && keep.has(c));
  const summed = a.letters.filter((c) => inB.has(c) && !keep.has(c));
  const left = a.letters.filter((c) => !inB.has(c));
  const right = b.letters.filter((c) => !inA.has(c));
  const dimsOf = (term: Term, cs: string[]) => cs.map((c) => term.t.shape[term.letters.indexOf(c)]);
  const letters = [...batch, ...left, ...right];
  if (summed.length === 0) {
    // Nothing to contract: PyTorch multiplies the two, broadcast against each other (MulBackward0).
    const ones = (cs: string[]) => cs.map(() => 1);
    const A = reshape(permuted(a, [...batch, ...left]), [...dimsOf(a, batch), ...dimsOf(a, left), ...ones(right)]);
    const B = reshape(permuted(b, [...batch, ...right]), [...dimsOf(b, batch), ...ones(left), ...dimsOf(b, right)]);
    return { t: mul(A, B), letters };
  }
  const size = (term: Term, cs: string[]) => cs.reduce((p, c) => p * term.t.shape[term.letters.indexOf(c)], 1);
  const A = reshape(permuted(a, [...batch, ...left, ...summed]), [size(a, batch), size(a, left), size(a, summed)]);
  const B = reshape(permuted(b, [...batch, ...summed, ...right]), [size(b, batch), size(b, summed), size(b, right)]);
  const shape = [...dimsOf(a, batch), ...dimsOf(a, left), ...dimsOf(b, right)];
  return { t: view(matmul(A, B), shape), letters, product: true };
}

/** torch.einsum(equation, *operands). */
export function einsum(equation: string, operands: readonly Tensor[]): Tensor {
  const { inputs, output } = parse(equation, operands);
  const raw = operands.map((t, i) => {
    if (inputs[i].length !== t.ndim) {
      throw pyError(
        'RuntimeError',
        `einsum(): the number of subscripts in the equation (${inputs[i].length}) does not match the number ` +
          `of dimensions (${t.ndim}) for operand ${i} and no ellipsis was given`,
      );
    }
    return dedupe({ t, letters: inputs[i] });
  });
  const terms = broadcastTerms(raw);
  // The letters still needed after operand i: the output's and those of the operands after it.
  const needed = (i: number) => new Set([...output, ...terms.slice(i + 1).flatMap((term) => term.letters)]);
  let acc = sumAway(terms[0], new Set([...needed(0), ...(terms[1]?.letters ?? [])]));
  for (let i = 1; i < terms.length; i++) {
    const keep = needed(i);
    const next = sumAway(terms[i], new Set([...keep, ...acc.letters]));
    acc = contract(acc, next, keep);
  }
  acc = sumAway(acc, new Set(output));
  const out = permuted(acc, output);
  // PyTorch's contraction ends in a view of bmm's result, however its dims were then ordered (ViewBackward0).
  return acc.product && out !== acc.t ? view(out, out.shape.slice()) : out;
}
