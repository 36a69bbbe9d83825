// `_bl_engine` functions for the spatial transformer pair, F.affine_grid and F.grid_sample
// (src/engine/ops/gridSample.ts); torch/nn/_grid_sample.py has already checked the modes and sizes.
import type { Tensor } from '../../engine/tensor';
import { affine_grid, grid_sample, type GridMode, type GridPadding } from '../../engine/ops/gridSample';
import { js } from './convert';

export const spatial: Record<string, unknown> = {
  affine_grid: (theta: Tensor, size: unknown, alignCorners: boolean) =>
    affine_grid(
      theta,
      js<number[]>(size).map((d) => Number(d)),
      alignCorners,
    ),
  grid_sample: (input: Tensor, grid: Tensor, mode: GridMode, padding: GridPadding, alignCorners: boolean) =>
    grid_sample(input, grid, mode, padding, alignCorners),
};
