// Placeholder until the ops cases are wired: contributes no case (the runner fails when nothing passes).
import type { GoldenCase } from './case';

export default function collect(_goldenDir: string): GoldenCase[] {
  return [];
}
