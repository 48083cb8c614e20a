/** The indices below `count` that `keep` accepts, ascending, in an array of their own (safe to post to a worker). */
export function indicesWhere(count: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}
