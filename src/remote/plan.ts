/**
 * The plan: what a push would change, computed from the dataset and the platform's current state (both as
 * canonical datasets), before anything is written. Training phrases are compared by text and annotations,
 * so a second push of the same data plans nothing.
 */
import type {Dataset, Entity, EntitySpan, Utterance} from '../model/dataset.js';
import type {PlannedChange, PushPlan} from './types.js';

/** The utterances a push sends: the train split (the test split stays out of the platform to measure it). */
export function pushedUtterances(dataset: Dataset): Utterance[] {
  return dataset.utterances.filter((u) => u.split !== 'test');
}

/** Identity of a training phrase: its text and its top-level annotations (entity, offsets, role). */
export function phraseKey(utterance: Pick<Utterance, 'text' | 'entities'>): string {
  const spans = [...(utterance.entities ?? [])]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s: EntitySpan) => `${s.start}:${s.end}:${s.entity}${s.role ? `:${s.role}` : ''}`);
  return `${utterance.text}\u0000${spans.join(',')}`;
}

export function phraseKeysByIntent(
  dataset: Dataset,
  utterances = dataset.utterances,
): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>(dataset.intents.map((i) => [i.name, new Set<string>()]));
  for (const u of utterances) {
    let keys = groups.get(u.intent);
    if (!keys) groups.set(u.intent, (keys = new Set()));
    keys.add(phraseKey(u));
  }
  return groups;
}

/** Entity kinds that exist as entity types on the platforms (prebuilt and ml ones are referenced, not created). */
export function isManagedEntity(entity: Entity): boolean {
  return entity.kind === 'list' || entity.kind === 'regex';
}

/**
 * Identity of an entity type's content: its values with synonyms (the value itself among its synonyms
 * aside: platforms store it either way, and another language's forms often repeat it), or its patterns.
 */
export function entityValueKeys(entity: Entity): Set<string> {
  if (entity.kind === 'regex') return new Set((entity.patterns ?? []).map((p) => `re:${p}`));
  return new Set(
    (entity.values ?? []).map(
      (v) =>
        `${v.value}\u0000${[...new Set(v.synonyms ?? [])]
          .filter((s) => s !== v.value)
          .sort()
          .join('\u0001')}`,
    ),
  );
}

function diffSets(wanted: Set<string>, present: Set<string>): {added: number; removed: number} {
  let added = 0;
  let removed = 0;
  for (const key of wanted) if (!present.has(key)) added++;
  for (const key of present) if (!wanted.has(key)) removed++;
  return {added, removed};
}

export function computePlan(
  target: string,
  desired: Dataset,
  remote: Dataset | undefined,
  options: {prune: boolean},
): PushPlan {
  const wantedPhrases = phraseKeysByIntent(desired, pushedUtterances(desired));
  // The test split on both sides: a platform that keeps one (CLU's Test utterances) reads it back marked so.
  const remotePhrases = remote
    ? phraseKeysByIntent(remote, pushedUtterances(remote))
    : new Map<string, Set<string>>();
  const intents: PushPlan['intents'] = {create: [], update: [], delete: [], unchanged: 0};
  for (const [name, keys] of wantedPhrases) {
    const present = remotePhrases.get(name);
    if (!present) intents.create.push({name, added: keys.size, removed: 0});
    else {
      const change = diffSets(keys, present);
      if (change.added || change.removed) intents.update.push({name, ...change});
      else intents.unchanged++;
    }
  }
  if (options.prune)
    for (const [name, keys] of remotePhrases)
      if (!wantedPhrases.has(name)) intents.delete.push({name, added: 0, removed: keys.size});

  const wantedEntities = new Map(
    desired.entities.filter(isManagedEntity).map((e) => [e.name, entityValueKeys(e)]),
  );
  const remoteEntities = new Map(
    (remote?.entities ?? []).filter(isManagedEntity).map((e) => [e.name, entityValueKeys(e)]),
  );
  const entityTypes: PushPlan['entityTypes'] = {create: [], update: [], delete: [], unchanged: 0};
  for (const [name, keys] of wantedEntities) {
    const present = remoteEntities.get(name);
    if (!present) entityTypes.create.push({name, added: keys.size, removed: 0});
    else {
      const change = diffSets(keys, present);
      if (change.added || change.removed) entityTypes.update.push({name, ...change});
      else entityTypes.unchanged++;
    }
  }
  if (options.prune)
    for (const [name, keys] of remoteEntities)
      if (!wantedEntities.has(name)) entityTypes.delete.push({name, added: 0, removed: keys.size});

  const changes = (group: {create: PlannedChange[]; update: PlannedChange[]; delete: PlannedChange[]}) =>
    group.create.length + group.update.length + group.delete.length;
  return {
    target,
    remoteState: remote ? 'read' : 'unreadable',
    intents,
    entityTypes,
    empty: remote !== undefined && changes(intents) + changes(entityTypes) === 0,
  };
}

const countLine = (g: PushPlan['intents']) =>
  `${g.create.length} to create, ${g.update.length} to update, ${g.delete.length} to delete, ${g.unchanged} unchanged`;

/** One plan's changes, one line each, indented by `indent`. */
function changeLines(plan: PushPlan, indent: string): string[] {
  const lines: string[] = [];
  const section = (label: string, group: PushPlan['intents'], unit: [string, string]) => {
    const [one, many] = unit;
    const n = (count: number) => `${count} ${count === 1 ? one : many}`;
    for (const c of group.create) lines.push(`${indent}+ create ${label} ${c.name} (${n(c.added)})`);
    for (const c of group.update)
      lines.push(`${indent}~ update ${label} ${c.name} (+${c.added} -${c.removed} ${many})`);
    for (const c of group.delete) lines.push(`${indent}- delete ${label} ${c.name} (${n(c.removed)})`);
  };
  section('entity type', plan.entityTypes, ['value', 'values']);
  section('intent', plan.intents, ['phrase', 'phrases']);
  return lines;
}

/** The plan as a readable table, one line per change; a push of several languages has a section each. */
export function formatPlan(plan: PushPlan): string[] {
  const lines: string[] = [];
  if (plan.languages) {
    for (const part of plan.languages) {
      lines.push(
        `${part.language}:${part.addsLanguage ? ` (not on ${plan.target} yet: push adds the language)` : ''}`,
      );
      lines.push(...changeLines(part, '    '));
      lines.push(
        `  ${part.language}: intents ${countLine(part.intents)}; entity types ${countLine(part.entityTypes)}.${part.empty ? ' Nothing to change.' : ''}`,
      );
    }
  } else {
    if (plan.addsLanguage)
      lines.push(`${plan.language ?? 'The language'} is not on ${plan.target} yet: push adds it.`);
    lines.push(...changeLines(plan, '  '));
  }
  const languages = plan.languages ? ` (${plan.languages.map((p) => p.language).join(', ')})` : '';
  lines.push(
    `Plan for ${plan.target}${languages}: intents ${countLine(plan.intents)}; entity types ${countLine(plan.entityTypes)}.`,
  );
  if (plan.remoteState === 'unreadable')
    lines.push('The platform cannot report its current training data, so the whole dataset is sent.');
  if (plan.remoteState === 'no-access')
    lines.push(
      'No credentials, so the live agent was not read: the lines above are the full desired state push would write (every intent and entity type; --json lists every phrase and value). The diff against the live agent (what would be updated, deleted or left unchanged) needs read access.',
    );
  if (plan.empty) lines.push('Nothing to change.');
  return lines;
}
