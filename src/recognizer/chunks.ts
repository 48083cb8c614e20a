/**
 * Bounded pieces of a message for Microsoft's Recognizers-Text. Its date/time and number-with-unit models are
 * super-linear in the number of numbers in the text they see ("1/1/" repeated to 200 characters took 25 s, "1 "
 * to 400 characters over 80 s), so they never see a whole message: only pieces of at most MAX_CHUNK_CHARS
 * characters and MAX_CHUNK_NUMBERS digit runs, cut at sentence ends first and then at whitespace. Each piece then
 * costs a bounded time, and a message costs time linear in its length.
 *
 * Why these bounds keep recognition correct for real messages: a date, time, range or amount a person writes
 * lies inside one sentence and is far shorter than 120 characters ("from the 12th of May 2024 at 3:30pm to the
 * 15th of June 2024 at 5:45pm" is 75 characters and 10 digit runs); a piece is only cut inside a sentence when
 * that sentence is longer, and then at a space, never inside a word.
 */

export const MAX_CHUNK_CHARS = 120;
export const MAX_CHUNK_NUMBERS = 12;

export interface Chunk {
  /** Offset of the piece in the message. */
  start: number;
  text: string;
}

const SENTENCE_END = /[.!?;]+(?=\s)|\n/g;

/** The message's sentences (a sentence ends at . ! ? ; followed by whitespace, or at a line break). */
function sentences(text: string): Chunk[] {
  const pieces: Chunk[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    pieces.push({start, text: text.slice(start, end)});
    start = end;
  }
  if (start < text.length) pieces.push({start, text: text.slice(start)});
  return pieces;
}

/** Splits one sentence into pieces within the bounds, at whitespace (a word longer than the bound is cut). */
function pack(sentence: Chunk, maxChars: number, maxNumbers: number, out: Chunk[]): void {
  const text = sentence.text;
  let pieceStart = 0;
  let numbers = 0;
  /** The last whitespace position inside the current piece, where it can be cut. */
  let lastSpace = -1;
  let numbersAtLastSpace = 0;
  let inDigits = false;
  const emit = (end: number) => {
    if (end > pieceStart) out.push({start: sentence.start + pieceStart, text: text.slice(pieceStart, end)});
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (digit && !inDigits) numbers++;
    inDigits = digit;
    if (code === 32 || code === 9 || code === 13 || code === 12 || code === 11) {
      lastSpace = i;
      numbersAtLastSpace = numbers;
    }
    if (i + 1 - pieceStart > maxChars || numbers > maxNumbers) {
      // Cut at the last space in the piece; without one, cut right here (a run with no spaces is no date).
      const cut = lastSpace > pieceStart ? lastSpace + 1 : i;
      emit(cut);
      numbers = cut === i ? (digit ? 1 : 0) : numbers - numbersAtLastSpace;
      pieceStart = cut;
      lastSpace = -1;
      numbersAtLastSpace = 0;
      if (numbers > maxNumbers) {
        // The word after that space alone holds too many numbers: cut it here too.
        emit(i);
        pieceStart = i;
        numbers = digit ? 1 : 0;
      }
    }
  }
  emit(text.length);
}

/** The pieces of `text` Recognizers-Text is run on, in order, covering the whole text. */
export function recognizerChunks(
  text: string,
  maxChars = MAX_CHUNK_CHARS,
  maxNumbers = MAX_CHUNK_NUMBERS,
): Chunk[] {
  if (text.length <= maxChars && countDigitRuns(text) <= maxNumbers) return [{start: 0, text}];
  const out: Chunk[] = [];
  for (const sentence of sentences(text)) {
    if (sentence.text.length <= maxChars && countDigitRuns(sentence.text) <= maxNumbers) out.push(sentence);
    else pack(sentence, maxChars, maxNumbers, out);
  }
  return out;
}

function countDigitRuns(text: string): number {
  let runs = 0;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    if (digit && !inDigits) runs++;
    inDigits = digit;
  }
  return runs;
}
