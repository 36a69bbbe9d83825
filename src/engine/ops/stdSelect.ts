// libstdc++'s std::nth_element (introselect), std::partial_sort (heap select + sort_heap) and std::sort
// (introsort) with a comparator, replayed step by step on (value, position) pairs. PyTorch's CPU topk
// (ATen's topk_impl_loop) runs these on (value, index) pairs compared by value only, so which index of equal
// values comes first is whatever these exact steps leave: learners print topk's indices.

/** (value, position) pairs; `less(a, b)` compares the values held at slots a and b. */
export interface SelectPairs {
  vals: Float64Array;
  pos: Int32Array;
}

type Less = (x: number, y: number) => boolean;

class Work {
  constructor(
    readonly p: SelectPairs,
    readonly less: Less,
  ) {}

  lt(a: number, b: number): boolean {
    return this.less(this.p.vals[a], this.p.vals[b]);
  }

  swap(a: number, b: number): void {
    const { vals, pos } = this.p;
    const v = vals[a];
    vals[a] = vals[b];
    vals[b] = v;
    const q = pos[a];
    pos[a] = pos[b];
    pos[b] = q;
  }

  move(to: number, from: number): void {
    this.p.vals[to] = this.p.vals[from];
    this.p.pos[to] = this.p.pos[from];
  }

  /** __push_heap: moves the held pair (v, q) up from holeIndex towards topIndex. */
  pushHeap(first: number, hole: number, top: number, v: number, q: number): void {
    let parent = Math.floor((hole - 1) / 2);
    while (hole > top && this.less(this.p.vals[first + parent], v)) {
      this.move(first + hole, first + parent);
      hole = parent;
      parent = Math.floor((hole - 1) / 2);
    }
    this.p.vals[first + hole] = v;
    this.p.pos[first + hole] = q;
  }

  /** __adjust_heap: sifts the hole at `hole` down, then pushes (v, q) back up. */
  adjustHeap(first: number, hole: number, len: number, v: number, q: number): void {
    const top = hole;
    let second = hole;
    while (second < Math.floor((len - 1) / 2)) {
      second = 2 * (second + 1);
      if (this.lt(first + second, first + second - 1)) second--;
      this.move(first + hole, first + second);
      hole = second;
    }
    if ((len & 1) === 0 && second === Math.floor((len - 2) / 2)) {
      second = 2 * (second + 1);
      this.move(first + hole, first + second - 1);
      hole = second - 1;
    }
    this.pushHeap(first, hole, top, v, q);
  }

  makeHeap(first: number, last: number): void {
    const len = last - first;
    if (len < 2) return;
    let parent = Math.floor((len - 2) / 2);
    for (;;) {
      this.adjustHeap(first, parent, len, this.p.vals[first + parent], this.p.pos[first + parent]);
      if (parent === 0) return;
      parent--;
    }
  }

  /** __pop_heap(first, last, result): the top goes to `result`, result's pair sinks into the heap. */
  popHeap(first: number, last: number, result: number): void {
    const v = this.p.vals[result];
    const q = this.p.pos[result];
    this.move(result, first);
    this.adjustHeap(first, 0, last - first, v, q);
  }

  heapSelect(first: number, middle: number, last: number): void {
    this.makeHeap(first, middle);
    for (let i = middle; i < last; i++) if (this.lt(i, first)) this.popHeap(first, middle, i);
  }

  sortHeap(first: number, last: number): void {
    while (last - first > 1) {
      last--;
      this.popHeap(first, last, last);
    }
  }

  moveMedianToFirst(result: number, a: number, b: number, c: number): void {
    if (this.lt(a, b)) {
      if (this.lt(b, c)) this.swap(result, b);
      else if (this.lt(a, c)) this.swap(result, c);
      else this.swap(result, a);
    } else if (this.lt(a, c)) this.swap(result, a);
    else if (this.lt(b, c)) this.swap(result, c);
    else this.swap(result, b);
  }

  unguardedPartition(first: number, last: number, pivot: number): number {
    for (;;) {
      while (this.lt(first, pivot)) first++;
      last--;
      while (this.lt(pivot, last)) last--;
      if (!(first < last)) return first;
      this.swap(first, last);
      first++;
    }
  }

  partitionPivot(first: number, last: number): number {
    const mid = first + Math.floor((last - first) / 2);
    this.moveMedianToFirst(first, first + 1, mid, last - 1);
    return this.unguardedPartition(first + 1, last, first);
  }

  unguardedLinearInsert(last: number): void {
    const v = this.p.vals[last];
    const q = this.p.pos[last];
    let next = last - 1;
    while (this.less(v, this.p.vals[next])) {
      this.move(last, next);
      last = next;
      next--;
    }
    this.p.vals[last] = v;
    this.p.pos[last] = q;
  }

  insertionSort(first: number, last: number): void {
    if (first === last) return;
    for (let i = first + 1; i < last; i++) {
      if (this.lt(i, first)) {
        const v = this.p.vals[i];
        const q = this.p.pos[i];
        for (let j = i; j > first; j--) this.move(j, j - 1);
        this.p.vals[first] = v;
        this.p.pos[first] = q;
      } else this.unguardedLinearInsert(i);
    }
  }

  introsortLoop(first: number, last: number, depth: number): void {
    while (last - first > 16) {
      if (depth === 0) {
        this.heapSelect(first, last, last);
        this.sortHeap(first, last);
        return;
      }
      depth--;
      const cut = this.partitionPivot(first, last);
      this.introsortLoop(cut, last, depth);
      last = cut;
    }
  }
}

const lg = (n: number) => 31 - Math.clz32(n);

/** std::nth_element(first, nth, last, less). */
export function nthElement(p: SelectPairs, first: number, nth: number, last: number, less: Less): void {
  if (first === last || nth === last) return;
  const w = new Work(p, less);
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      w.heapSelect(first, nth + 1, last);
      w.swap(first, nth);
      return;
    }
    depth--;
    const cut = w.partitionPivot(first, last);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  w.insertionSort(first, last);
}

/** std::partial_sort(first, middle, last, less). */
export function partialSort(p: SelectPairs, first: number, middle: number, last: number, less: Less): void {
  const w = new Work(p, less);
  w.heapSelect(first, middle, last);
  w.sortHeap(first, middle);
}

/** std::sort(first, last, less). */
export function sortRange(p: SelectPairs, first: number, last: number, less: Less): void {
  if (first === last) return;
  const w = new Work(p, less);
  w.introsortLoop(first, last, lg(last - first) * 2);
  if (last - first > 16) {
    w.insertionSort(first, first + 16);
    for (let i = first + 16; i < last; i++) w.unguardedLinearInsert(i);
  } else w.insertionSort(first, last);
}
