/**
 * CLU's :import replaces the whole project, so a push sends the remote project with only the planned changes
 * applied, in the language being pushed: intents the plan creates or updates get the dataset's utterances in
 * that language, pruned ones go, and everything synthnlu does not manage (other intents, other languages'
 * utterances and synonyms, entities, settings) is kept as it was.
 */
import type {PushPlan} from '../../../src/connector-kit.js';
import type {CluProject} from '../clu/types.js';
import {
  cluProjectLanguages,
  mergeEntityLanguage,
  sameCluLanguage,
  utteranceLanguageIn,
} from './clu-languages.js';

export function mergeCluProject(
  remote: CluProject | undefined,
  desired: CluProject,
  plan: PushPlan,
): CluProject {
  if (!remote) return desired;
  const language = desired.metadata.language;
  const primary = remote.metadata.language;
  const ours = (u: CluProject['assets']['utterances'][number]) =>
    sameCluLanguage(utteranceLanguageIn(remote, u), language);
  const changed = new Set([...plan.intents.create, ...plan.intents.update].map((c) => c.name));
  const pruned = new Set(plan.intents.delete.map((c) => c.name));
  const changedEntities = new Set(
    [...plan.entityTypes.create, ...plan.entityTypes.update].map((c) => c.name),
  );
  const prunedEntities = new Set(plan.entityTypes.delete.map((c) => c.name));

  const intents = remote.assets.intents.filter((i) => !pruned.has(i.category));
  for (const intent of desired.assets.intents)
    if (changed.has(intent.category) && !intents.some((i) => i.category === intent.category))
      intents.push(intent);

  const utterances = [
    // Every utterance stays but those of a pruned intent and the pushed language's of a changed one.
    ...remote.assets.utterances
      .filter((u) => !(changed.has(u.intent) && ours(u)) && !pruned.has(u.intent))
      .map((u) => (u.language ? u : {...u, language: primary})),
    ...desired.assets.utterances.filter((u) => changed.has(u.intent)).map((u) => ({...u, language})),
  ].map((u) =>
    prunedEntities.size && u.entities
      ? {...u, entities: u.entities.filter((l) => !prunedEntities.has(l.category))}
      : u,
  );

  const entities = remote.assets.entities
    .filter((e) => !prunedEntities.has(e.category))
    .map((e) =>
      changedEntities.has(e.category)
        ? mergeEntityLanguage(
            e,
            desired.assets.entities.find((d) => d.category === e.category),
            language,
            primary,
          )
        : e,
    );
  // Entities the dataset's labels need that the project lacks (new list entities, learned and prebuilt ones).
  for (const entity of desired.assets.entities)
    if (!entities.some((e) => e.category === entity.category)) entities.push(entity);

  const merged: CluProject = {
    ...remote,
    stringIndexType: 'Utf16CodeUnit',
    assets: {...remote.assets, intents, entities, utterances},
  };
  // Utterances in several languages need a multilingual project (metadata.multilingual).
  if (cluProjectLanguages(merged).length > 1) merged.metadata = {...merged.metadata, multilingual: true};
  return merged;
}
