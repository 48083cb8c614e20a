/**
 * Makes two schema errors a newcomer hits in a YAML spec say what happened and how to fix it, and recovers
 * enough of an invalid spec that the rule checks still run (a schema error must not hide a duplicate seed).
 */
import type {Diagnostic} from '../errors.js';
import type {Spec} from './spec.js';

type Json = unknown;

function at(value: Json, path: string): Json {
  // Diagnostic paths look like intents[0].examples[1] or aliases.greeting[2].
  const segments = path.match(/[^.[\]]+/g) ?? [];
  let current: Json = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, Json>)[segment];
  }
  return current;
}

const isRecord = (v: Json): v is Record<string, Json> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `- Note: call me` is read by YAML as the mapping {Note: "call me"}: give back the line the author meant. */
function colonItem(value: Json): string | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, rest] = entries[0]!;
  if (rest === null) return `${key}:`;
  return typeof rest === 'string' || typeof rest === 'number' || typeof rest === 'boolean'
    ? `${key}: ${String(rest)}`
    : undefined;
}

/** Rewrites schema diagnostics whose cause is recognisable into ones with a precise fix. */
export function explainSchemaProblems(problems: Diagnostic[], value: Json): Diagnostic[] {
  return problems.map((d) => {
    if (!d.path) return d;
    const found = at(value, d.path);
    if (d.code === 'SPEC_WRONG_TYPE') {
      const line = colonItem(found);
      if (line !== undefined)
        return {
          ...d,
          code: 'SPEC_UNQUOTED_COLON',
          message: `YAML read this item as a mapping because of the ": " in it ({${JSON.stringify(line.split(': ')[0])}: ...}), not as text`,
          suggestion: `Quote the line: - ${JSON.stringify(line)}`,
        };
    }
    if (d.code === 'SPEC_BAD_FORMAT' && /^intents\[\d+\]\.name$/.test(d.path) && typeof found === 'string')
      return {
        ...d,
        code: 'SPEC_NAME_WITH_SPACE',
        message: `intent name "${found}" contains a space; platforms use intent names as identifiers`,
        suggestion: `Rename it to "${found.trim().replace(/\s+/g, '_')}".`,
      };
    return d;
  });
}

/**
 * The well-typed part of a spec that failed its schema: intents and entities with names, their string
 * examples, values and synonyms. Enough for the rule checks, which then still report what they find.
 */
export function salvageSpec(value: Json): Spec | undefined {
  if (!isRecord(value) || !Array.isArray(value.intents)) return undefined;
  // Placeholders keep every index where it was, so the rule checks' paths point into the file.
  const texts = (list: Json) =>
    Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? x : '')) : [];
  const intents = value.intents.map((i, n) =>
    isRecord(i) && typeof i.name === 'string'
      ? {name: i.name, examples: texts(i.examples)}
      : {name: `intents[${n}]`, examples: []},
  );
  const entities = (Array.isArray(value.entities) ? value.entities : []).map((e, n) =>
    isRecord(e) && typeof e.name === 'string' && typeof e.type === 'string'
      ? {
          ...e,
          values: (Array.isArray(e.values) ? e.values : []).map((v) =>
            typeof v === 'string'
              ? v
              : isRecord(v) && typeof v.value === 'string'
                ? {value: v.value, synonyms: texts(v.synonyms)}
                : '',
          ),
        }
      : {name: `entities[${n}]`, type: 'ml'},
  );
  const aliases = isRecord(value.aliases)
    ? Object.fromEntries(Object.entries(value.aliases).map(([k, v]) => [k, texts(v)]))
    : {};
  return {intents, entities, aliases} as Spec;
}
