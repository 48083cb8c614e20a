import {describe, expect, it} from 'vitest';
import {trainIntentClassifier} from '../../src/classifier/index.js';
import {Vectorizer} from '../../src/classifier/features.js';
import {LinearIntentClassifier} from '../../src/classifier/linear-model.js';

const examples = [
  ['cancel my order', 'cancel'],
  ['please cancel the purchase', 'cancel'],
  ['I want to call off my order', 'cancel'],
  ['where is my package', 'track'],
  ['track my order please', 'track'],
  ['when will my parcel arrive', 'track'],
  ['I want my money back', 'refund'],
  ['refund the payment for order 12', 'refund'],
  ['how do I get a refund', 'refund'],
].map(([text, intent]) => ({text: text!, intent: intent!}));

/** The definition: bias plus, for each feature of the text in order, weight * value for each intent it has. */
function sparseMargins(model: LinearIntentClassifier, text: string): number[] {
  const json = model.toJSON();
  const decode = <T>(b64: string, make: (buffer: ArrayBuffer) => T): T => {
    const bytes = Buffer.from(b64, 'base64');
    return make(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  };
  const featureStart = decode(json.featureStart, (b) => new Int32Array(b));
  const featureClass = decode(json.featureClass, (b) => new Uint16Array(b));
  const featureWeight = decode(json.featureWeight, (b) => new Float32Array(b));
  const margins = [...decode(json.bias, (b) => new Float32Array(b))];
  const idf = decode(json.idf, (b) => new Float32Array(b));
  const wordIndex = new Map(json.wordVocabulary.map((ngram, i) => [ngram, i]));
  const offset = json.wordVocabulary.length;
  const charIndex = new Map(json.charVocabulary.map((ngram, i) => [ngram, offset + i]));
  const vector = new Vectorizer(wordIndex, charIndex, idf).vectorize(text);
  for (let k = 0; k < vector.indices.length; k++) {
    const feature = vector.indices[k]!;
    for (let p = featureStart[feature]!; p < featureStart[feature + 1]!; p++)
      margins[featureClass[p]!] = margins[featureClass[p]!]! + featureWeight[p]! * vector.values[k]!;
  }
  return margins;
}

describe('LinearIntentClassifier margins', () => {
  it('are exactly the sparse sums of the definition (the dense rows add only zeros besides)', () => {
    const model = trainIntentClassifier(examples, {seed: 1});
    expect(model).toBeInstanceOf(LinearIntentClassifier);
    const linear = model as LinearIntentClassifier;
    for (const text of ['cancel my parcel', 'refnud my order 12', 'where is the purchase', 'xyz', '']) {
      // Twice: the second time the per-word caches answer.
      for (let k = 0; k < 2; k++) expect([...linear.margins(text)]).toEqual(sparseMargins(linear, text));
    }
  });
});
