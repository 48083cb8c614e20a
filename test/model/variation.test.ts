import {describe, expect, it} from 'vitest';
import {languagePack} from '../../src/lang/index.js';
import {familyKeys, familyTag, VARIATION_FAMILIES, VARIATION_TAGS} from '../../src/model/variation.js';
import {validateAgainstSchema} from '../../src/schema/validate.js';

describe('the variation families (src/model/variation.ts, their one definition)', () => {
  it("keeps Bitext's letter order, which tags are written in", () => {
    expect(VARIATION_TAGS.join('')).toBe('BICNPQWKELMZ');
  });

  it('finds a family by letter, by name in any case and by alias; nothing else', () => {
    expect(familyTag('Q')).toBe('Q');
    expect(familyTag('Colloquial')).toBe('Q');
    expect(familyTag('typos')).toBe('Z');
    expect(familyTag('synonyms')).toBe('L');
    expect(familyTag('q')).toBeUndefined();
    expect(familyTag('slang')).toBeUndefined();
  });

  it("is what the English pack's families implement: each letter once, under the name and aliases listed", () => {
    const families = languagePack('en').families;
    expect(families.map((f) => f.tag).sort()).toEqual([...VARIATION_TAGS].sort());
    for (const family of families) {
      const definition = VARIATION_FAMILIES.find((f) => f.tag === family.tag)!;
      expect({tag: family.tag, name: family.name, aliases: family.aliases ?? []}).toEqual({
        tag: definition.tag,
        name: definition.name,
        aliases: [...definition.aliases],
      });
    }
  });

  it('is what the spec schema accepts as a variation mix key, naming the closest one on a typo', () => {
    const spec = (variations: Record<string, number>) => ({
      intents: [{name: 'greet', examples: ['hi']}],
      defaults: {variations},
    });
    for (const key of familyKeys())
      expect(validateAgainstSchema('spec.schema.json', spec({[key]: 0.1}))).toEqual([]);
    const [problem] = validateAgainstSchema('spec.schema.json', spec({colloqial: 0.2}));
    expect(problem?.message).toBe(
      `"colloqial" is not a valid name here (did you mean "colloquial"?); use one of: ${familyKeys().join(', ')}`,
    );
  });

  it('is what the dataset schema accepts as an utterance tag', () => {
    const dataset = (tags: string[]) => ({
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [],
      entities: [],
      utterances: [{text: 'hi', intent: 'greet', tags}],
    });
    expect(validateAgainstSchema('dataset.schema.json', dataset([...VARIATION_TAGS]))).toEqual([]);
    expect(validateAgainstSchema('dataset.schema.json', dataset(['X']))).not.toEqual([]);
  });
});
