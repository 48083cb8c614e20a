/** "1 warning", "2 warnings", "1,000 utterances": a number with its noun, singular or plural as it reads. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
