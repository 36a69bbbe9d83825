// `_bl_engine` functions of our matplotlib (src/python/matplotlib/_backend.py): a shown figure goes to the
// runtime's hooks as a `figure` event; savefig gets the PNG bytes drawn by src/python/figures/png.ts.
import { figureFromJson } from '../figures/figureJson';
import { figurePng } from '../figures/png';
import type { ShimHooks } from '../hooks';

export function figures(hooks: ShimHooks): Record<string, unknown> {
  return {
    figure_show: (json: string) => hooks.figure?.(figureFromJson(json)),
    figure_png: (json: string, transparent: boolean) => figurePng(figureFromJson(json), transparent),
  };
}
