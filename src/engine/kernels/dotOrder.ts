// Float32 dot product in the order PyTorch 1.13's torch.dot gives on CPU: BLAS sdot, which OpenBLAS 0.3.21
// runs on AVX2 + FMA machines as its Haswell kernel (kernel/x86_64/sdot.c, sdot_microk_haswell-2.c). Measured
// bit for bit against Debian's python3-torch over that OpenBLAS:
//  - the first n - n mod 32 elements go through 4 x 8 float32 lanes, element i into lane i mod 32, each lane
//    a chain of fused multiply-adds; then the two halves of each 8-lane register are added, the four registers
//    as (r0 + r1) + (r2 + r3), and the four lanes left as (l0 + l1) + (l2 + l3);
//  - the last n mod 32 products, each rounded to float32, are summed in a double from 0, the lanes' float32
//    result added last, and the double rounded to float32.
import { fmaf } from '../random';

const f32 = Math.fround;
const lanes = new Float64Array(32);

export function sdot(x: ArrayLike<number>, xOff: number, y: ArrayLike<number>, yOff: number, n: number): number {
  const whole = n & ~31;
  let simd = 0;
  if (whole > 0) {
    lanes.fill(0);
    for (let i = 0; i < whole; i += 32) {
      for (let l = 0; l < 32; l++) lanes[l] = fmaf(x[xOff + i + l], y[yOff + i + l], lanes[l]);
    }
    // Per register r (lanes 8r .. 8r + 7): the low half plus the high half.
    const h = (r: number, l: number) => f32(lanes[8 * r + l] + lanes[8 * r + 4 + l]);
    const s = [0, 1, 2, 3].map((l) => f32(f32(h(0, l) + h(1, l)) + f32(h(2, l) + h(3, l))));
    simd = f32(f32(s[0] + s[1]) + f32(s[2] + s[3]));
  }
  let tail = 0;
  for (let i = whole; i < n; i++) tail += f32(y[yOff + i] * x[xOff + i]);
  return f32(tail + simd);
}
