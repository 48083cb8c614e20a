/** CLU offsets may count UTF-16 code units, Unicode code points or UTF-8 bytes; the canonical model uses UTF-16. */
import type {CluProject} from './types.js';

/** Maps an offset in `unit` to a UTF-16 index into `text`; undefined when it falls inside a character. */
export function toUtf16Offset(
  text: string,
  offset: number,
  unit: CluProject['stringIndexType'],
): number | undefined {
  if (unit === 'Utf16CodeUnit') return offset <= text.length ? offset : undefined;
  let counted = 0;
  let index = 0;
  for (const char of text) {
    if (counted === offset) return index;
    if (counted > offset) return undefined;
    counted += unit === 'UnicodeCodePoint' ? 1 : Buffer.byteLength(char, 'utf8');
    index += char.length;
  }
  return counted === offset ? index : undefined;
}
