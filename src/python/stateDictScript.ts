// The Python program that writes a run's final parameters as a `.pt` file: the values the panel holds,
// rebuilt as float32 tensors and saved with the runtime's own torch.save (torch/serialization.py: PyTorch's
// zip format, so real PyTorch's torch.load reads it). Numbers are written with JavaScript's shortest
// round-trip form of each float32 value, which torch.tensor turns back into the same float32 bits.
import type { ParamSnapshot } from '../protocol';

/** A Python string literal (JSON's escapes are valid Python). */
function pyString(s: string): string {
  return JSON.stringify(s);
}

function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (!Number.isFinite(v)) return v > 0 ? "float('inf')" : "float('-inf')";
  return String(v);
}

/** Why the parameters cannot be exported (null when they can): the Python backend may hold only a block of them. */
export function stateDictProblem(params: readonly ParamSnapshot[]): string | null {
  if (params.length === 0) return 'no parameters yet';
  const partial = params.find((p) => p.sampleShape);
  return partial ? `${partial.name} is too large to have been copied whole` : null;
}

/** The program: `state_dict` in the model's order of names, saved to `outPath`. */
export function stateDictScript(params: readonly ParamSnapshot[], outPath: string): string {
  const lines = ['from collections import OrderedDict', 'import torch', '', 'state = OrderedDict()'];
  for (const p of params) {
    const values = Array.from(p.value, pyNumber).join(', ');
    lines.push(`state[${pyString(p.name)}] = torch.tensor([${values}]).reshape(${JSON.stringify(p.shape)})`);
  }
  lines.push(`torch.save(state, ${pyString(outPath)})`, '');
  return lines.join('\n');
}
