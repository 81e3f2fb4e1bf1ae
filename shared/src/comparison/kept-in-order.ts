/**
 * Which of `positions` form a longest increasing run, not necessarily contiguous: given the
 * older revision's positions of the paragraphs both revisions share, in the newer revision's
 * order, the ones that kept their order; the others moved. With unique ids this is the longest
 * common subsequence of the two orders, found in O(n log n) (patience sorting).
 */
export function keptInOrder(positions: readonly number[]): boolean[] {
  /** `tails[k]`: the index in `positions` ending the best increasing run of length k + 1 so far. */
  const tails: number[] = [];
  const previous = new Array<number>(positions.length).fill(-1);
  positions.forEach((position, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((positions[tails[middle] as number] as number) < position) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  });
  const kept = new Array<boolean>(positions.length).fill(false);
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) kept[i] = true;
  return kept;
}
