/**
 * Push and pull of several languages: which of the dataset's languages the remote holds, one plan per language
 * and their sum. The loop itself is in push.ts; connectors only read and write one language at a time.
 */
import {ExitCode, SynthnluError} from '../errors.js';
import {datasetLanguages} from '../model/languages.js';
import type {Dataset} from '../model/dataset.js';
import type {PlannedChange, PushPlan, RemoteConnector} from './types.js';

/** A language code compared as platforms write it: case and `_`/`-` aside (en_US, en-us, en-US). */
function normal(language: string): string {
  return language.toLowerCase().replace(/_/g, '-');
}

/**
 * The remote's code for a dataset language: the same code, else the same root language (a dataset's `en`
 * is an agent's `en-US` when the agent has no plain `en`); undefined when the remote does not hold it.
 */
export function heldLanguage(held: readonly string[], language: string): string | undefined {
  const exact = held.find((h) => normal(h) === normal(language));
  if (exact) return exact;
  const root = normal(language).split('-')[0];
  return held.find((h) => normal(h).split('-')[0] === root);
}

/** A remote that runs one language per target refuses a dataset of several, naming how to push each. */
export function requireMultiLanguageRemote(
  connector: RemoteConnector,
  dataset: Dataset,
  command: string,
): void {
  const languages = datasetLanguages(dataset);
  if (languages.length < 2 || connector.languages) return;
  throw new SynthnluError(
    'REMOTE_ONE_LANGUAGE',
    `${connector.id} holds one language per target, but the dataset holds ${languages.length} (${languages.join(', ')})`,
    {
      exitCode: ExitCode.badInput,
      suggestion: `Push each language to a target of its own: ${languages
        .map((l) => `synthnlu ${command} ... --to ${connector.id} --language ${l}`)
        .join(', then ')} (each with its own target flags).`,
    },
  );
}

const EMPTY_GROUP = (): PushPlan['intents'] => ({create: [], update: [], delete: [], unchanged: 0});

/** The plan of one language with every change naming that language. */
export function tagLanguage(plan: PushPlan, language: string): PushPlan {
  const tag = (group: PushPlan['intents']): PushPlan['intents'] => ({
    create: group.create.map((c) => ({...c, language})),
    update: group.update.map((c) => ({...c, language})),
    delete: group.delete.map((c) => ({...c, language})),
    unchanged: group.unchanged,
  });
  return {...plan, language, intents: tag(plan.intents), entityTypes: tag(plan.entityTypes)};
}

/**
 * On a platform whose intents and entity types all languages share, deleting one deletes it in every
 * language: the primary language's plan deletes it, the others' do not again.
 */
export function withoutSharedDeletes(plan: PushPlan): PushPlan {
  const changes = (group: PushPlan['intents']) => group.create.length + group.update.length;
  const intents = {...plan.intents, delete: []};
  const entityTypes = {...plan.entityTypes, delete: []};
  return {
    ...plan,
    intents,
    entityTypes,
    empty:
      plan.remoteState !== 'unreadable' &&
      !plan.addsLanguage &&
      changes(intents) + changes(entityTypes) === 0,
  };
}

/** The plans of several languages as one: every change (each naming its language), the counts summed. */
export function combinePlans(target: string, plans: readonly PushPlan[]): PushPlan {
  const sum = (pick: (p: PushPlan) => PushPlan['intents']): PushPlan['intents'] => {
    const group = EMPTY_GROUP();
    for (const plan of plans) {
      const part = pick(plan);
      group.create.push(...part.create);
      group.update.push(...part.update);
      group.delete.push(...part.delete);
      group.unchanged += part.unchanged;
    }
    return group;
  };
  const remoteState = plans.find((p) => p.remoteState !== 'read')?.remoteState ?? 'read';
  return {
    target,
    remoteState,
    intents: sum((p) => p.intents),
    entityTypes: sum((p) => p.entityTypes),
    empty: plans.every((p) => p.empty),
    languages: [...plans],
  };
}

/** The change's name with its language when it has one: `greet (es)`. */
export function changeLabel(change: Pick<PlannedChange, 'name' | 'language'>): string {
  return change.language ? `${change.name} (${change.language})` : change.name;
}
