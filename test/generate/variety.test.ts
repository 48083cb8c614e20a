/**
 * The generate report's variety figures (issue 27 item 5): the share of generated utterances that bring a new
 * content word (a dictionary word none of the intent's seeds has in any inflection, and no wrapper word added
 * across many intents) and the share the 15 most common sets of added words cover.
 */
import {describe, expect, it} from 'vitest';
import {generateDataset} from '../../src/generate/index.js';
import {VarietyMeter} from '../../src/generate/variety.js';
import {languagePack} from '../../src/lang/index.js';
import type {Spec} from '../../src/spec/spec.js';

const english = languagePack('en').variety!;

describe('VarietyMeter', () => {
  it('counts a dictionary word the seeds lack, in no inflection of theirs, as new', () => {
    const meter = new VarietyMeter(english);
    meter.startIntent('cancel', ['cancel my booking', 'I want to cancel the reservation']);
    meter.addGenerated('call off my booking'); // "call": new
    meter.addGenerated('I cancelled my bookings'); // inflections of seed words: nothing new
    meter.addGenerated('cancel my bokking'); // a typo is no dictionary word
    meter.addGenerated('could you cancel my booking?'); // function words only
    const report = meter.finish();
    expect(report.intents).toEqual([
      {intent: 'cancel', generated: 4, newContentShare: 0.25, topAddedSetsShare: 0.5},
    ]);
    expect(report.newContentShare).toBe(0.25);
  });

  it('does not count a wrapper word added across many intents ("options", "asap") as new', () => {
    const meter = new VarietyMeter(english);
    const intents = ['cancel my booking', 'track my parcel', 'reset my password', 'pay my bill'];
    for (const [i, seed] of intents.entries()) {
      meter.startIntent(`intent${i}`, [seed]);
      meter.addGenerated(`${seed}, what are my options`);
    }
    // Only the first intent brings a word of its own.
    meter.addGenerated('scrap my booking');
    const report = meter.finish();
    expect(report.wrapperWords).toContain('option');
    expect(report.intents.map((i) => i.newContentShare)).toEqual([0, 0, 0, 0.5]);
    expect(report.newContentShare).toBe(0.2);
  });

  it('gives the share of the 15 most common added word sets, over all intents', () => {
    const meter = new VarietyMeter(english);
    meter.startIntent('a', ['book a table']);
    // 20 distinct added sets once each, then one set 10 times: the top 15 cover 10 + 14 of 30.
    const words =
      'red blue green yellow purple orange black white brown pink grey silver gold violet olive navy teal lime maroon coral'.split(
        ' ',
      );
    for (const word of words) meter.addGenerated(`book a ${word} table`);
    for (let k = 0; k < 10; k++) meter.addGenerated('please book a table');
    const report = meter.finish();
    expect(report.generated).toBe(30);
    expect(report.topAddedSetsShare).toBe(0.8);
    expect(report.topAddedSets[0]).toEqual({words: 'please', share: 0.333});
  });
});

describe('generate reports variety', () => {
  it('per intent, for the generated utterances only', async () => {
    const spec = {
      language: 'en',
      defaults: {count: 30, variations: {lexical: 1}},
      intents: [
        {name: 'cancel', examples: ['cancel my booking', 'I want to cancel my membership']},
        {name: 'block', examples: ['block my card', 'please freeze my account']},
      ],
    } as unknown as Spec;
    const {dataset, report} = await generateDataset(spec, {seed: 1, filter: false});
    const generated = dataset.utterances.filter((u) => u.source === 'generated');
    expect(report.variety!.generated).toBe(generated.length);
    expect(report.variety!.intents.map((i) => i.intent)).toEqual(['cancel', 'block']);
    // The curated lexicon's words ("call off", "scrap", "lock") are new content words of these intents.
    expect(report.variety!.newContentShare).toBeGreaterThan(0.3);
  });
});
