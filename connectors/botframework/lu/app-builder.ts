/**
 * The LUIS app a .lu file is read into, with the lookups its blocks share: an entity, list or prebuilt named
 * twice is one model whose roles add up, and an intent named twice is one intent.
 */
import {SynthnluError} from '../../../src/connector-kit.js';
import type {LuisApp, LuisClosedList, LuisEntity} from '../luis/types.js';

export function addRoles(target: {roles?: string[]}, roles: string[]): void {
  target.roles = [...new Set([...(target.roles ?? []), ...roles])];
}

export function unquote(name: string): string {
  const t = name.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

/** Entity kinds a name can refer to (a pattern's `{name}` cannot name a composite; a label can). */
type EntityKind =
  'entities' | 'prebuiltEntities' | 'closedLists' | 'regex_entities' | 'composites' | 'patternAnyEntities';

export class LuAppBuilder {
  readonly app: LuisApp = {
    luis_schema_version: '7.0.0',
    intents: [],
    entities: [],
    composites: [],
    closedLists: [],
    regex_entities: [],
    prebuiltEntities: [],
    patternAnyEntities: [],
    phraselists: [],
    patterns: [],
    utterances: [],
  };
  /** `{name}` in patterns that named no entity defined before them: pattern.any entities unless defined later. */
  readonly pendingPatternAny = new Set<string>();
  private readonly intentNames = new Set<string>();
  /** The line being read (0-based), for errors. */
  line = 0;

  constructor(readonly file: string) {}

  fail(message: string, suggestion?: string): never {
    throw new SynthnluError('LU_SYNTAX', message, {
      location: {file: this.file, line: this.line + 1},
      ...(suggestion ? {suggestion} : {}),
    });
  }

  addIntent(name: string): void {
    if (this.intentNames.has(name)) return;
    this.intentNames.add(name);
    this.app.intents.push({name});
  }

  entity(name: string): LuisEntity {
    let found = this.app.entities!.find((e) => e.name === name);
    if (!found) this.app.entities!.push((found = {name, roles: []}));
    return found;
  }

  closedList(name: string): LuisClosedList {
    let found = this.app.closedLists!.find((c) => c.name === name);
    if (!found) this.app.closedLists!.push((found = {name, subLists: [], roles: []}));
    return found;
  }

  prebuilt(name: string, roles: string[]): void {
    const existing = this.app.prebuiltEntities!.find((p) => p.name === name);
    if (existing) addRoles(existing, roles);
    else this.app.prebuiltEntities!.push({name, roles});
  }

  phraseList(name: string, mode: boolean): void {
    this.app.phraselists!.push({name, words: '', mode, activated: true, enabledForAllModels: true});
  }

  /** Whether an entity of one of `kinds` has this name. */
  defines(name: string, kinds: readonly EntityKind[]): boolean {
    return kinds.some((kind) => (this.app[kind] ?? []).some((e: {name: string}) => e.name === name));
  }
}

/** What a pattern's `{name}` may refer to. */
export const PATTERN_REFERABLE = [
  'entities',
  'prebuiltEntities',
  'closedLists',
  'regex_entities',
  'patternAnyEntities',
] as const;

/** What a label may name. */
export const LABEL_REFERABLE = [...PATTERN_REFERABLE, 'composites'] as const;
