import {describe, expect, it} from 'vitest';
import {languagePack} from '../../src/lang/index.js';
import {UtteranceFilter} from '../../src/llm/filters.js';
import {apportion, planGeneration} from '../../src/llm/plan.js';
import {resolveProviderSettings} from '../../src/llm/settings.js';
import type {Spec} from '../../src/spec/spec.js';

describe('request planning', () => {
  it('apportions a total over weights exactly (largest remainder)', () => {
    expect(apportion(5, [1, 1])).toEqual([3, 2]);
    expect(apportion(10, [0.3, 0.2, 0.05])).toEqual([5, 4, 1]);
    expect(apportion(7, [1, 2, 4]).reduce((a, b) => a + b, 0)).toBe(7);
    expect(apportion(3, [0, 0])).toEqual([0, 0]);
  });

  it('names the nearest other intents in a prompt when there are too many to name all', () => {
    const filler = Array.from({length: 45}, (_, i) => ({
      name: `topic_${i}`,
      examples: [`tell me about subject number ${i} zz${i}`] as [string],
    }));
    const spec: Spec = {
      intents: [
        {name: 'cancel_order', examples: ['cancel my order', 'I want to cancel the order']},
        ...filler,
        {name: 'cancel_subscription', examples: ['cancel my subscription', 'I want to cancel the plan']},
      ],
    };
    const settings = resolveProviderSettings(
      'openai',
      undefined,
      {model: 'm'},
      {OPENAI_API_KEY: 'sk-xxxxxxxx'},
    );
    const plan = planGeneration(spec, [], languagePack('en'), settings, {seed: '1', language: 'en'});
    const prompt = plan.intents[0]!.requests[0]!.request.messages[1]!.content;
    const named = [...prompt.matchAll(/^- (\w+)$/gm)].map((m) => m[1]);
    expect(named).toHaveLength(40);
    expect(named[0]).toBe('cancel_subscription');
  });

  it('takes what to ask from the spec even when the flag picks another kind of provider', () => {
    const settings = resolveProviderSettings(
      'openai',
      {type: 'azure', share: 0.25, families: ['polite'], deployment: 'dep'},
      {model: 'm'},
      {OPENAI_API_KEY: 'sk-xxxxxxxx'},
    );
    expect([settings.share, settings.families, settings.model]).toEqual([0.25, ['polite'], 'm']);
  });
});

describe('UtteranceFilter', () => {
  const seeds = [
    ...['hello there', 'hi', 'good morning', 'hey'].map((text) => ({
      text,
      intent: 'greet',
      source: 'seed' as const,
    })),
    ...['goodbye', 'see you later', 'bye for now', 'farewell'].map((text) => ({
      text,
      intent: 'bye',
      source: 'seed' as const,
    })),
  ];

  it('keeps a clear paraphrase with only two intents (1 bit of PVI is out of reach there)', () => {
    const filter = new UtteranceFilter(seeds, new Map(), []);
    expect(filter.check('greet', 'hello there my friend', new Set())).toMatchObject({ok: true});
    expect(filter.check('greet', 'goodbye for now', new Set())).toMatchObject({ok: false, reason: 'label'});
    expect(filter.check('bye', 'Goodbye!', new Set())).toMatchObject({ok: false, reason: 'duplicate'});
    expect(filter.check('greet', 'see you later', new Set())).toMatchObject({
      ok: false,
      reason: 'otherIntent',
    });
  });
});
