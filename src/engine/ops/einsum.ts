// torch.einsum, as PyTorch computes it: each operand's repeated letters become a diagonal, letters no other
// operand or the output needs are summed away, and two operands meet in one batched matmul (batch letters,
// left-only letters x contracted letters, contracted letters x right-only letters). Built from
// differentiable ops, so the gradient is theirs.
import { pyError } from '../errors';
import type { Tensor } from '../tensor';
import { matmul } from './matmul';
import { sum } from './reduce';
import { permute, reshape } from './view';
import { diagonal } from './rearrange';

interface Term {
  t: Tensor;
  /** One letter per dim of t. */
  letters: string[];
}

function parse(equation: string, count: number): { inputs: string[][]; output: string[] } {
  const eq = equation.replace(/\s+/g, '');
  if (eq.includes('.')) throw pyError('NotImplementedError', 'torch.einsum with "..." is not supported');
  const [lhs, rhs] = eq.split('->');
  const inputs = lhs.split(',').map((s) => s.split(''));
  if (inputs.length !== count) {
    throw pyError('RuntimeError', 'einsum(): more operands were provided than specified in the equation');
  }
  for (const letters of inputs)
    for (const c of letters)
      if (!/[a-zA-Z]/.test(c)) throw pyError('RuntimeError', `einsum(): invalid subscript given at index: ${c}`);
  let output: string[];
  if (rhs !== undefined) output = rhs.split('');
  else {
    // Implicit output: the letters that appear exactly once, in alphabetical order.
    const seen = new Map<string, number>();
    for (const c of inputs.flat()) seen.set(c, (seen.get(c) ?? 0) + 1);
    output = [...seen.keys()].filter((c) => seen.get(c) === 1).sort();
  }
  return { inputs, output };
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
  const size = (term: Term, cs: string[]) => cs.reduce((p, c) => p * term.t.shape[term.letters.indexOf(c)], 1);
  const A = reshape(permuted(a, [...batch, ...left, ...summed]), [size(a, batch), size(a, left), size(a, summed)]);
  const B = reshape(permuted(b, [...batch, ...summed, ...right]), [size(b, batch), size(b, summed), size(b, right)]);
  const dimsOf = (term: Term, cs: string[]) => cs.map((c) => term.t.shape[term.letters.indexOf(c)]);
  const shape = [...dimsOf(a, batch), ...dimsOf(a, left), ...dimsOf(b, right)];
  return { t: reshape(matmul(A, B), shape), letters: [...batch, ...left, ...right] };
}

/** torch.einsum(equation, *operands). */
export function einsum(equation: string, operands: readonly Tensor[]): Tensor {
  const { inputs, output } = parse(equation, operands.length);
  const terms = operands.map((t, i) => {
    if (inputs[i].length !== t.ndim) {
      throw pyError(
        'RuntimeError',
        `einsum(): the number of subscripts in the equation (${inputs[i].length}) does not match the number ` +
          `of dimensions (${t.ndim}) for operand ${i} and no ellipsis was given`,
      );
    }
    return dedupe({ t, letters: inputs[i] });
  });
  // The letters still needed after operand i: the output's and those of the operands after it.
  const needed = (i: number) => new Set([...output, ...terms.slice(i + 1).flatMap((term) => term.letters)]);
  let acc = sumAway(terms[0], new Set([...needed(0), ...(terms[1]?.letters ?? [])]));
  for (let i = 1; i < terms.length; i++) {
    const keep = needed(i);
    const next = sumAway(terms[i], new Set([...keep, ...acc.letters]));
    acc = contract(acc, next, keep);
  }
  acc = sumAway(acc, new Set(output));
  return permuted(acc, output);
}
