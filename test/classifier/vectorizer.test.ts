import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  countNgrams,
  forEachCharNgram,
  forEachWordNgram,
  normalizeForFeatures,
  smoothIdf,
  Vectorizer,
  type SparseVector,
} from '../../src/classifier/features.js';

/** The plain definition: a Map of counts per block, sublinear tf-idf, each block L2-normalised. */
function referenceVector(
  text: string,
  wordIndex: Map<string, number>,
  charIndex: Map<string, number>,
  idf: Float32Array,
): SparseVector {
  const normalized = text.normalize('NFKC').toLowerCase();
  const indices: number[] = [];
  const values: number[] = [];
  for (const [counts, index] of [
    [countNgrams(normalized, forEachWordNgram), wordIndex],
    [countNgrams(normalized, forEachCharNgram), charIndex],
  ] as const) {
    const start = values.length;
    let squaredNorm = 0;
    for (const [ngram, count] of counts) {
      const feature = index.get(ngram);
      if (feature === undefined) continue;
      const value = (1 + Math.log(count)) * idf[feature]!;
      indices.push(feature);
      values.push(value);
      squaredNorm += value * value;
    }
    if (squaredNorm === 0) continue;
    for (let i = start; i < values.length; i++) values[i] = values[i]! / Math.sqrt(squaredNorm);
  }
  return {indices: Int32Array.from(indices), values: Float32Array.from(values)};
}

const WORDS = ['cancel', 'my', 'order', 'the', 'Ordre', 'café', 'ﬁle', 'I’m', "can't", 'o-k', '42', 'e-mail'];
const vocabularyText = 'cancel my order please the café file can not ok 42 email my order cancel order';

function vocabulary(): {wordIndex: Map<string, number>; charIndex: Map<string, number>; idf: Float32Array} {
  const normalized = normalizeForFeatures(vocabularyText);
  const words = [...countNgrams(normalized, forEachWordNgram).keys()];
  const chars = [...countNgrams(normalized, forEachCharNgram).keys()];
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const charIndex = new Map(chars.map((c, i) => [c, words.length + i]));
  const idf = Float32Array.from({length: words.length + chars.length}, (_, i) => smoothIdf(10, 1 + (i % 7)));
  return {wordIndex, charIndex, idf};
}

describe('Vectorizer', () => {
  it('gives exactly the vector of the plain definition (same features, same order, same float32 values)', () => {
    const {wordIndex, charIndex, idf} = vocabulary();
    const vectorizer = new Vectorizer(wordIndex, charIndex, idf);
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({maxLength: 6})), {maxLength: 12}),
        fc.constantFrom(' ', '  ', '\t', ' \n'),
        (words, separator) => {
          const text = words.join(separator);
          const expected = referenceVector(text, wordIndex, charIndex, idf);
          // Twice: the second time the per-word cache answers.
          for (let k = 0; k < 2; k++) {
            const actual = vectorizer.vectorize(text);
            expect([...actual.indices]).toEqual([...expected.indices]);
            expect([...actual.values]).toEqual([...expected.values]);
          }
          if (expected.indices.length > 0) nonEmpty += 1;
        },
      ),
      {numRuns: 300},
    );
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('finds bigrams by their strings when the vocabulary has a bigram of an unknown word', () => {
    const {wordIndex, charIndex, idf} = vocabulary();
    // "zz" is no unigram of the vocabulary, so bigrams cannot all be found by their words' ids.
    const withOddBigram = new Map([...wordIndex, ['zz order', idf.length]]);
    const wider = Float32Array.from([...idf, 1.5]);
    const vectorizer = new Vectorizer(withOddBigram, charIndex, wider);
    for (const text of ['zz order', 'cancel zz order please', 'my order zz order']) {
      const expected = referenceVector(text, withOddBigram, charIndex, wider);
      const actual = vectorizer.vectorize(text);
      expect([...actual.indices]).toEqual([...expected.indices]);
      expect([...actual.values]).toEqual([...expected.values]);
      expect([...actual.indices]).toContain(idf.length);
    }
  });
});
