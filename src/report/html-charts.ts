/**
 * The report's two SVG charts, drawn on the server side as static markup: the confusion matrix (every non-zero
 * count written in its cell) and the F1 bars. Margins are measured from the longest label so none is clipped.
 */
import type {ModelEstimate} from '../coverage/types.js';
import {escapeHtml} from './html-escape.js';

/** A generous width for 11px system-ui text: wide enough that labels never clip, at the cost of some air. */
export function labelWidth(text: string): number {
  return Math.ceil([...text].length * 7 + 8);
}

const longest = (labels: string[]) => Math.max(40, ...labels.map(labelWidth));

export function confusionSvg(m: ModelEstimate, id = 'confusion'): string {
  const {labels, confusion} = m;
  const n = labels.length;
  const maxCount = Math.max(1, ...confusion.flat());
  const cell = Math.max(24, String(maxCount).length * 7 + 8);
  const labelW = longest(labels);
  // Column labels are rotated by -60°: they rise by sin 60° of their length and lean right by cos 60°.
  const left = labelW + 6;
  const top = Math.ceil(labelW * 0.87) + 8;
  const size = n * cell;
  const width = left + size + Math.ceil(labelW * 0.5) + 8;
  const height = top + size + 8;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const label = escapeHtml(labels[i]!);
    parts.push(
      `<text class="row-label" x="${left - 4}" y="${top + i * cell + cell * 0.65}" text-anchor="end">${label}</text>`,
      `<text class="col-label" transform="translate(${left + i * cell + cell * 0.6},${top - 4}) rotate(-60)">${label}</text>`,
    );
    const rowTotal = confusion[i]!.reduce((a, b) => a + b, 0);
    for (let j = 0; j < n; j++) {
      const count = confusion[i]![j]!;
      const share = rowTotal ? count / rowTotal : 0;
      const alpha = i === j ? 0.08 + 0.92 * share : count ? 0.15 + 0.85 * share : 0.03;
      const fill = i === j ? `rgba(23,128,61,${alpha.toFixed(3)})` : `rgba(180,35,24,${alpha.toFixed(3)})`;
      const x = left + j * cell;
      const y = top + i * cell;
      const title = `${labels[i]} → ${labels[j]}: ${count}`;
      parts.push(
        `<rect class="cell" x="${x}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="${fill}" data-true="${escapeHtml(labels[i]!)}" data-predicted="${escapeHtml(labels[j]!)}" data-count="${count}"><title>${escapeHtml(title)}</title></rect>`,
      );
      if (count)
        parts.push(
          `<text class="cell-count${alpha > 0.55 ? ' dark' : ''}" x="${x + (cell - 1) / 2}" y="${y + cell * 0.65}" text-anchor="middle" data-true="${escapeHtml(labels[i]!)}" data-predicted="${escapeHtml(labels[j]!)}">${count}</text>`,
        );
    }
  }
  return `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="confusion matrix">${parts.join('')}</svg>`;
}

/** Bar length per unit of F1, in pixels. */
export const F1_BAR_WIDTH = 420;

export function f1BarsSvg(m: ModelEstimate, id = 'f1-bars'): string {
  const rows = [...m.perIntent].sort((a, b) => a.f1 - b.f1 || (a.intent < b.intent ? -1 : 1));
  const barH = 18;
  const left = longest(rows.map((r) => r.intent)) + 6;
  const parts = rows.map((r, k) => {
    const y = 5 + k * barH;
    const color = r.f1 >= 0.8 ? '#17803d' : r.f1 >= 0.5 ? '#dc8a00' : '#b42318';
    const intent = escapeHtml(r.intent);
    return (
      `<text class="bar-label" x="${left - 6}" y="${y + 12}" text-anchor="end">${intent}</text>` +
      `<rect class="bar" x="${left}" y="${y}" width="${Math.max(0, r.f1 * F1_BAR_WIDTH)}" height="${barH - 4}" fill="${color}" data-intent="${intent}" data-f1="${r.f1}"></rect>` +
      `<text class="bar-value" x="${left + r.f1 * F1_BAR_WIDTH + 4}" y="${y + 12}" data-intent="${intent}">${r.f1.toFixed(3)}</text>`
    );
  });
  return `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="${left + F1_BAR_WIDTH + 60}" height="${rows.length * barH + 10}" role="img" aria-label="F1 per intent">${parts.join('')}</svg>`;
}
