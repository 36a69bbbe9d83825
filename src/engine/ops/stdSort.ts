// libstdc++'s std::sort (introsort: median-of-three quicksort above 16 elements, heap sort past the depth
// limit, a final insertion sort), replayed step by step on (value, position) pairs compared by value with
// `<`. It is not stable, so which position ends where among equal values is only PyTorch's when the same
// steps run: torch.mode's CPU kernel sorts this way and reports a position from the sorted run.

interface Pairs {
  vals: Float64Array;
  pos: Int32Array;
}

function swap(p: Pairs, a: number, b: number): void {
  const v = p.vals[a];
  p.vals[a] = p.vals[b];
  p.vals[b] = v;
  const q = p.pos[a];
  p.pos[a] = p.pos[b];
  p.pos[b] = q;
}

function move(p: Pairs, to: number, from: number): void {
  p.vals[to] = p.vals[from];
  p.pos[to] = p.pos[from];
}

/** __unguarded_linear_insert: shifts the pair at `last` left while its value is below its neighbour's. */
function linearInsert(p: Pairs, last: number): void {
  const v = p.vals[last];
  const q = p.pos[last];
  let next = last - 1;
  while (v < p.vals[next]) {
    move(p, last, next);
    last = next;
    next--;
  }
  p.vals[last] = v;
  p.pos[last] = q;
}

/** __insertion_sort over [first, last). */
function insertionSort(p: Pairs, first: number, last: number): void {
  if (first === last) return;
  for (let i = first + 1; i < last; i++) {
    if (p.vals[i] < p.vals[first]) {
      const v = p.vals[i];
      const q = p.pos[i];
      for (let j = i; j > first; j--) move(p, j, j - 1);
      p.vals[first] = v;
      p.pos[first] = q;
    } else linearInsert(p, i);
  }
}

/** __adjust_heap then __push_heap: sinks the hole at `hole` and places (v, q) in the heap at `first`. */
function adjustHeap(p: Pairs, first: number, hole: number, len: number, v: number, q: number): void {
  const top = hole;
  let child = hole;
  while (child < (len - 1) >> 1) {
    child = 2 * (child + 1);
    if (p.vals[first + child] < p.vals[first + child - 1]) child--;
    move(p, first + hole, first + child);
    hole = child;
  }
  if ((len & 1) === 0 && child === (len - 2) >> 1) {
    child = 2 * (child + 1);
    move(p, first + hole, first + child - 1);
    hole = child - 1;
  }
  let parent = (hole - 1) >> 1;
  while (hole > top && p.vals[first + parent] < v) {
    move(p, first + hole, first + parent);
    hole = parent;
    parent = (hole - 1) >> 1;
  }
  p.vals[first + hole] = v;
  p.pos[first + hole] = q;
}

/** std::partial_sort(first, last, last): make_heap then sort_heap. */
function heapSort(p: Pairs, first: number, last: number): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = (len - 2) >> 1; ; parent--) {
    adjustHeap(p, first, parent, len, p.vals[first + parent], p.pos[first + parent]);
    if (parent === 0) break;
  }
  for (let end = last - 1; end - first > 0; end--) {
    const v = p.vals[end];
    const q = p.pos[end];
    move(p, end, first);
    adjustHeap(p, first, 0, end - first, v, q);
  }
}

/** __move_median_to_first: the median of a, b, c (by value) swapped into `result`. */
function moveMedianToFirst(p: Pairs, result: number, a: number, b: number, c: number): void {
  const less = (x: number, y: number) => p.vals[x] < p.vals[y];
  if (less(a, b)) {
    if (less(b, c)) swap(p, result, b);
    else if (less(a, c)) swap(p, result, c);
    else swap(p, result, a);
  } else if (less(a, c)) swap(p, result, a);
  else if (less(b, c)) swap(p, result, c);
  else swap(p, result, b);
}

/** __unguarded_partition around the pair at `pivot`. */
function unguardedPartition(p: Pairs, first: number, last: number, pivot: number): number {
  for (;;) {
    while (p.vals[first] < p.vals[pivot]) first++;
    last--;
    while (p.vals[pivot] < p.vals[last]) last--;
    if (!(first < last)) return first;
    swap(p, first, last);
    first++;
  }
}

function introsortLoop(p: Pairs, first: number, last: number, depth: number): void {
  while (last - first > 16) {
    if (depth === 0) {
      heapSort(p, first, last);
      return;
    }
    depth--;
    moveMedianToFirst(p, first, first + 1, first + ((last - first) >> 1), last - 1);
    const cut = unguardedPartition(p, first + 1, last, first);
    introsortLoop(p, cut, last, depth);
    last = cut;
  }
}

/** Sorts vals ascending in place, carrying pos along, exactly as std::sort would order the pairs. */
export function stdSortPairs(vals: Float64Array, pos: Int32Array): void {
  const p = { vals, pos };
  const n = vals.length;
  if (n < 2) return;
  introsortLoop(p, 0, n, 2 * Math.floor(Math.log2(n)));
  if (n > 16) {
    insertionSort(p, 0, 16);
    for (let i = 16; i < n; i++) linearInsert(p, i);
  } else insertionSort(p, 0, n);
}
