/**
 * A CLU project is multilingual: one set of intents and entities, each utterance carrying its language and
 * each list value its synonyms per language. Push and pull work on one language at a time: these helpers take
 * a language out of a project (read) and tell a language's utterances and synonyms apart (merge).
 */
import type {CluEntity, CluProject, CluUtterance} from '../clu/types.js';

/** CLU language codes compared as CLU does: without regard to case or `_` / `-`. */
export function sameCluLanguage(a: string, b: string): boolean {
  return a.toLowerCase().replace(/_/g, '-') === b.toLowerCase().replace(/_/g, '-');
}

/** An utterance's language: its own, else the project's. */
export function utteranceLanguageIn(project: CluProject, utterance: CluUtterance): string {
  return utterance.language ?? project.metadata.language;
}

/** The project's languages: its own first, then each other language an utterance is in. */
export function cluProjectLanguages(project: CluProject): string[] {
  const out = [project.metadata.language];
  for (const u of project.assets.utterances) {
    const language = utteranceLanguageIn(project, u);
    if (!out.some((l) => sameCluLanguage(l, language))) out.push(language);
  }
  return out;
}

/** A list entity's synonyms, or a regex entity's expressions, in one language only (others' dropped). */
function entityInLanguage(entity: CluEntity, language: string, primary: string): CluEntity {
  const keep = (l: string | undefined) => sameCluLanguage(l ?? primary, language);
  return {
    ...entity,
    ...(entity.list
      ? {
          list: {
            sublists: entity.list.sublists
              .map((s) => ({...s, synonyms: s.synonyms.filter((g) => keep(g.language))}))
              .filter((s) => s.synonyms.length > 0),
          },
        }
      : {}),
    ...(entity.regex ? {regex: {expressions: entity.regex.expressions.filter((e) => keep(e.language))}} : {}),
  };
}

/** The project as a one-language project: that language's utterances and list synonyms. */
export function cluProjectInLanguage(project: CluProject, language: string): CluProject {
  const primary = project.metadata.language;
  return {
    ...project,
    metadata: {...project.metadata, language, multilingual: false},
    assets: {
      ...project.assets,
      entities: project.assets.entities.map((e) => entityInLanguage(e, language, primary)),
      utterances: project.assets.utterances
        .filter((u) => sameCluLanguage(utteranceLanguageIn(project, u), language))
        .map(({language: _language, ...u}) => u),
    },
  };
}

/**
 * A changed entity in one language: the remote's definition with that language's synonyms (and regex
 * expressions) replaced by the wanted ones, every other language's kept.
 */
export function mergeEntityLanguage(
  remote: CluEntity,
  wanted: CluEntity | undefined,
  language: string,
  primary: string,
): CluEntity {
  if (!wanted) return remote;
  const ours = (l: string | undefined) => sameCluLanguage(l ?? primary, language);
  const merged: CluEntity = {...remote, ...wanted};
  if (remote.list || wanted.list) {
    const keys = [
      ...new Set([...(remote.list?.sublists ?? []), ...(wanted.list?.sublists ?? [])].map((s) => s.listKey)),
    ];
    merged.list = {
      sublists: keys
        .map((listKey) => ({
          listKey,
          synonyms: [
            ...(remote.list?.sublists.find((s) => s.listKey === listKey)?.synonyms ?? []).filter(
              (g) => !ours(g.language),
            ),
            ...(wanted.list?.sublists.find((s) => s.listKey === listKey)?.synonyms ?? []),
          ],
        }))
        .filter((s) => s.synonyms.length > 0),
    };
  }
  if (remote.regex || wanted.regex)
    merged.regex = {
      expressions: [
        ...(remote.regex?.expressions ?? []).filter((e) => !ours(e.language)),
        ...(wanted.regex?.expressions ?? []),
      ],
    };
  return merged;
}
