import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  datasetEntityToEntityType,
  dialogflowToDataset,
  entityTypeToDatasetEntity,
  parametersFor,
  utteranceToPhrase,
} from '../../connectors/dialogflow/es/remote/mapping.js';
import type {Entity, EntitySpan, Utterance} from '../../src/model/dataset.js';
import {phraseKey} from '../../src/remote/plan.js';

const entities = new Map<string, Entity>([
  ['city', {name: 'city', kind: 'list', values: [{value: 'paris'}]}],
  ['code', {name: 'code', kind: 'regex', patterns: ['[0-9]{6}']}],
  ['when', {name: 'when', kind: 'prebuilt', prebuilt: 'datetime'}],
]);

/** Utterances with non-overlapping spans over arbitrary text (astral characters included: offsets are UTF-16). */
const utterances = fc
  .tuple(
    fc.array(fc.string({unit: 'grapheme', minLength: 1, maxLength: 6}), {minLength: 1, maxLength: 8}),
    fc.array(fc.boolean(), {minLength: 8, maxLength: 8}),
    fc.array(fc.constantFrom('city', 'code', 'when'), {minLength: 8, maxLength: 8}),
  )
  .map(([pieces, annotated, names]): Utterance => {
    let text = '';
    const spans: EntitySpan[] = [];
    pieces.forEach((piece, i) => {
      const start = text.length;
      text += piece;
      if (annotated[i]) spans.push({entity: names[i]!, start, end: text.length});
    });
    return {text, intent: 'x', ...(spans.length ? {entities: spans} : {})};
  });

describe('Dialogflow API mapping', () => {
  it('round-trips text and annotations through training-phrase parts (property)', () => {
    fc.assert(
      fc.property(utterances, (utterance) => {
        const phrase = utteranceToPhrase(utterance, entities);
        expect(phrase.parts!.map((p) => p.text).join('')).toBe(utterance.text);
        const back = dialogflowToDataset([{displayName: 'x', trainingPhrases: [phrase]}], [], 'en')
          .utterances[0]!;
        expect(phraseKey(back)).toBe(phraseKey(utterance));
      }),
    );
  });

  it('annotates list and regex entities as @name and prebuilt ones as @sys.* with the entity as alias', () => {
    const phrase = utteranceToPhrase(
      {
        text: 'fly to paris tomorrow',
        intent: 'book',
        entities: [
          {entity: 'city', start: 7, end: 12, role: 'destination'},
          {entity: 'when', start: 13, end: 21},
        ],
      },
      entities,
    );
    expect(phrase.parts).toEqual([
      {text: 'fly to '},
      {text: 'paris', entityType: '@city', alias: 'destination', userDefined: true},
      {text: ' '},
      {text: 'tomorrow', entityType: '@sys.date-time', alias: 'when', userDefined: true},
    ]);
    expect(parametersFor([phrase])).toEqual([
      {displayName: 'destination', entityTypeDisplayName: '@city', value: '$destination'},
      {displayName: 'when', entityTypeDisplayName: '@sys.date-time', value: '$when'},
    ]);
  });

  it('maps list entities to KIND_MAP with the value among its synonyms, and back', () => {
    const entity: Entity = {
      name: 'carrier',
      kind: 'list',
      values: [{value: 'ups', synonyms: ['united parcel']}, {value: 'dhl'}],
    };
    const type = datasetEntityToEntityType(entity);
    expect(type).toMatchObject({
      displayName: 'carrier',
      kind: 'KIND_MAP',
      entities: [
        {value: 'ups', synonyms: ['ups', 'united parcel']},
        {value: 'dhl', synonyms: ['dhl']},
      ],
    });
    expect(entityTypeToDatasetEntity(type)).toEqual(entity);
    expect(entityTypeToDatasetEntity(datasetEntityToEntityType(entities.get('code')!))).toEqual(
      entities.get('code'),
    );
  });
});
