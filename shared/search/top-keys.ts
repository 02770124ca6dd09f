/**
 * The `k` largest keys, largest first. A size-k min-heap over the keys: the UI asks for a page of
 * results out of tens of thousands of matches, and sorting them all would cost more than the search.
 */
export function topKeys(keys: Float64Array, k: number): Float64Array {
  if (k >= keys.length) return keys.sort().reverse();
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (size < k) {
      // sift up
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        if (heap[parent] <= key) break;
        heap[j] = heap[parent];
        j = parent;
      }
      heap[j] = key;
    } else if (key > heap[0]) {
      // replace the smallest, sift down
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= k) break;
        const r = l + 1;
        const c = r < k && heap[r] < heap[l] ? r : l;
        if (heap[c] >= key) break;
        heap[j] = heap[c];
        j = c;
      }
      heap[j] = key;
    }
  }
  return heap.sort().reverse();
}
