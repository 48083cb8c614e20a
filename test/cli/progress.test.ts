import {describe, expect, it} from 'vitest';
import {renderBar, stderrProgress} from '../../src/cli/progress.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return {stream: {isTTY, write: (text: string) => written.push(text)}, written};
}

describe('progress on stderr', () => {
  it('draws a bar and notes on a terminal, redrawing at most every 100 ms, and erases the bar when done', () => {
    const {stream, written} = terminal(true);
    let clock = 1_000;
    const progress = stderrProgress({json: false, stream, now: () => clock});
    const bar = progress.bar('generating', 10);
    bar.tick(2);
    clock += 50;
    bar.tick(3); // too soon: skipped
    clock += 100;
    bar.tick(5, 20);
    bar.done();
    progress.note('coverage: fold 1 of 5');
    expect(written).toEqual([
      renderBar('generating', 2, 10),
      renderBar('generating', 5, 20),
      '\r\u001B[2K',
      'coverage: fold 1 of 5\n',
    ]);
    expect(renderBar('generating', 5, 10)).toBe(`\rgenerating [${'#'.repeat(15)}${'-'.repeat(15)}] 5/10`);
  });

  it('is silent with --json and when stderr is not a terminal', () => {
    for (const [json, isTTY] of [
      [true, true],
      [false, false],
    ] as const) {
      const {stream, written} = terminal(isTTY);
      const progress = stderrProgress({json, stream});
      const bar = progress.bar('generating', 10);
      bar.tick(10);
      bar.done();
      progress.note('coverage: training');
      expect(written).toEqual([]);
    }
  });
});
