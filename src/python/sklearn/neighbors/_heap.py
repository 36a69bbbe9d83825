"""The k smallest distances of one query as scikit-learn 1.2 keeps them: a max-heap of size k filled in the
order the points are visited (its heap_push, a point equal to the current largest is not taken), then sorted by
its simultaneous_sort (a quicksort, median-of-three pivot). Ties therefore come out in scikit-learn's order, not
by index: with the brute-force search and with a KD-tree of a single leaf (up to 60 training points), which both
visit points in index order, the order is the same as there."""


def push_all(pairs, k):
    """A size-k max-heap (values, indices) after pushing each (index, value) pair in turn."""
    values = [float('inf')] * k
    indices = [0] * k
    for idx, val in pairs:
        if val >= values[0]:
            continue
        current = 0
        while True:
            left = 2 * current + 1
            right = left + 1
            if left >= k:
                break
            if right >= k:
                if values[left] > val:
                    swap = left
                else:
                    break
            elif values[left] >= values[right]:
                if val < values[left]:
                    swap = left
                else:
                    break
            elif val < values[right]:
                swap = right
            else:
                break
            values[current] = values[swap]
            indices[current] = indices[swap]
            current = swap
        values[current] = val
        indices[current] = idx
    return values, indices


def heap_select(row, k):
    """(distances, indices) of the k smallest values of row (a list), in scikit-learn's order."""
    values, indices = push_all(enumerate(row), k)
    simultaneous_sort(values, indices, 0, k)
    return values, indices


def _swap(values, indices, i, j):
    values[i], values[j] = values[j], values[i]
    indices[i], indices[j] = indices[j], indices[i]


def simultaneous_sort(values, indices, start, size):
    if size <= 1:
        return
    if size == 2:
        if values[start] > values[start + 1]:
            _swap(values, indices, start, start + 1)
        return
    if size == 3:
        if values[start] > values[start + 1]:
            _swap(values, indices, start, start + 1)
        if values[start + 1] > values[start + 2]:
            _swap(values, indices, start + 1, start + 2)
            if values[start] > values[start + 1]:
                _swap(values, indices, start, start + 1)
        return
    last = start + size - 1
    pivot = start + size // 2
    if values[start] > values[last]:
        _swap(values, indices, start, last)
    if values[last] > values[pivot]:
        _swap(values, indices, last, pivot)
        if values[start] > values[last]:
            _swap(values, indices, start, last)
    pivot_val = values[last]
    store = start
    for i in range(start, last):
        if values[i] < pivot_val:
            _swap(values, indices, i, store)
            store += 1
    _swap(values, indices, store, last)
    left = store - start
    if left > 1:
        simultaneous_sort(values, indices, start, left)
    if left + 2 < size:
        simultaneous_sort(values, indices, store + 1, size - left - 1)
