// Keyboard movement over a heatmap's cells (arrow keys, Home/End, PageUp/PageDown), so the values a mouse
// reads by hovering can be read from the keyboard too. Pure (no DOM) so node tests it.
import type { HeatmapGrid } from './heatmap';

export interface Cell {
  row: number;
  col: number;
}

/** The cell `key` moves to from `cell` in a grid, or null when the key is not a movement key. */
export function moveCell(cell: Cell | null, key: string, grid: HeatmapGrid): Cell | null {
  const at = cell ?? { row: 0, col: 0 };
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  const page = Math.max(1, Math.round(grid.rows / 4));
  let { row, col } = at;
  switch (key) {
    case 'ArrowLeft':
      col--;
      break;
    case 'ArrowRight':
      col++;
      break;
    case 'ArrowUp':
      row--;
      break;
    case 'ArrowDown':
      row++;
      break;
    case 'Home':
      col = 0;
      break;
    case 'End':
      col = grid.cols - 1;
      break;
    case 'PageUp':
      row -= page;
      break;
    case 'PageDown':
      row += page;
      break;
    default:
      return null;
  }
  // The first key press on a grid with no cell chosen yet selects the top-left cell.
  if (!cell) return { row: 0, col: 0 };
  return { row: clamp(row, grid.rows), col: clamp(col, grid.cols) };
}
