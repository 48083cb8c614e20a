import {describe, expect, it} from 'vitest';
import type {Dataset} from '../../src/model/dataset.js';
import {computePlan, formatPlan} from '../../src/remote/plan.js';
import {smallDataset} from './fixtures.js';

describe('computePlan', () => {
  it('plans everything as create against an empty platform, ignoring the test split', () => {
    const empty: Dataset = {
      format: 'synthnlu-dataset/1',
      language: 'en',
      intents: [],
      entities: [],
      utterances: [],
    };
    const plan = computePlan('dialogflow', smallDataset(), empty, {prune: false});
    expect(plan.intents.create).toEqual([
      {name: 'track_order', added: 2, removed: 0},
      {name: 'greet', added: 2, removed: 0},
    ]);
    expect(plan.entityTypes.create).toEqual([{name: 'carrier', added: 2, removed: 0}]);
    expect(plan.empty).toBe(false);
  });

  it('sees an annotation change as an update and counts added and removed phrases', () => {
    const remote = smallDataset();
    remote.utterances[0]!.entities = [];
    remote.utterances.push({text: 'yo', intent: 'greet'});
    const plan = computePlan('clu', smallDataset(), remote, {prune: false});
    expect(plan.intents.update).toEqual([
      {name: 'track_order', added: 1, removed: 1},
      // "yo". "good morning" is in the test split on both sides (CLU keeps a Test set of its own and reads it
      // back so), which the plan leaves out: otherwise a second push to CLU would never be empty.
      {name: 'greet', added: 0, removed: 1},
    ]);
  });

  it('deletes remote-only intents and entity types only with prune', () => {
    const remote = smallDataset();
    remote.intents.push({name: 'legacy'});
    remote.utterances.push({text: 'old', intent: 'legacy'});
    remote.entities.push({name: 'old_list', kind: 'list', values: [{value: 'a'}]});
    expect(computePlan('x', smallDataset(), remote, {prune: false}).intents.delete).toEqual([]);
    const pruned = computePlan('x', smallDataset(), remote, {prune: true});
    expect(pruned.intents.delete).toEqual([{name: 'legacy', added: 0, removed: 1}]);
    expect(pruned.entityTypes.delete).toEqual([{name: 'old_list', added: 0, removed: 1}]);
    expect(formatPlan(pruned).join('\n')).toContain('- delete intent legacy (1 phrase)');
  });

  it('is empty when nothing changed, and never empty when the remote cannot be read', () => {
    const remote = {
      ...smallDataset(),
      utterances: smallDataset().utterances.filter((u) => u.split !== 'test'),
    };
    expect(computePlan('x', smallDataset(), remote, {prune: true}).empty).toBe(true);
    expect(computePlan('rasa', smallDataset(), undefined, {prune: false})).toMatchObject({
      empty: false,
      remoteState: 'unreadable',
    });
  });
});
