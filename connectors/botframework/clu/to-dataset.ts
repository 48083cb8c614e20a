/** Azure CLU project JSON -> canonical Dataset. Pure: the caller has checked the layout and the schema. */
import {
  SynthnluError,
  type Dataset,
  type Entity,
  type EntitySpan,
  type Utterance,
  DATASET_FORMAT,
} from '../../../src/connector-kit.js';
import {cluPrebuiltToCanonical} from '../prebuilt-names.js';
import {toUtf16Offset} from './offsets.js';
import type {CluEntity, CluProject} from './types.js';

/** The canonical list values of a CLU list component (synonyms of every language, the key left out). */
export function cluListValues(list: NonNullable<CluEntity['list']>): NonNullable<Entity['values']> {
  return list.sublists.map((s) => {
    const synonyms = [...new Set(s.synonyms.flatMap((group) => group.values))].filter(
      (v) => v.length > 0 && v !== s.listKey,
    );
    return {value: s.listKey, ...(synonyms.length > 0 ? {synonyms} : {})};
  });
}

function toEntity(definition: CluEntity): Entity {
  // The whole definition is kept: CLU entities combine components (learned, list, prebuilt, regex) that the
  // canonical model expresses as one kind.
  const metadata = {clu: {definition}};
  const base = {
    name: definition.category,
    ...(definition.description ? {description: definition.description} : {}),
  };
  if (definition.list && definition.list.sublists.length > 0) {
    return {
      ...base,
      kind: 'list',
      values: cluListValues(definition.list),
      metadata,
    };
  }
  if (definition.regex && definition.regex.expressions.length > 0) {
    return {
      ...base,
      kind: 'regex',
      patterns: definition.regex.expressions.map((e) => e.regexPattern),
      metadata,
    };
  }
  const [prebuilt] = definition.prebuilts ?? [];
  if (prebuilt)
    return {...base, kind: 'prebuilt', prebuilt: cluPrebuiltToCanonical(prebuilt.category), metadata};
  return {...base, kind: 'ml', metadata};
}

export function cluProjectToDataset(project: CluProject, file: string): Dataset {
  const projectLanguage = project.metadata.language;
  const utterances: Utterance[] = project.assets.utterances.map((u, i) => {
    const spans: EntitySpan[] = (u.entities ?? []).map((label, j) => {
      const start = toUtf16Offset(u.text, label.offset, project.stringIndexType);
      const end = toUtf16Offset(u.text, label.offset + label.length, project.stringIndexType);
      if (start === undefined || end === undefined || end <= start) {
        throw new SynthnluError(
          'CLU_BAD_OFFSET',
          `entity "${label.category}" at offset ${label.offset} length ${label.length} (${project.stringIndexType}) is outside the utterance or splits a character`,
          {
            location: {file, path: `assets.utterances[${i}].entities[${j}]`},
            suggestion: 'Fix offset/length.',
          },
        );
      }
      return {entity: label.category, start, end};
    });
    return {
      text: u.text,
      intent: u.intent,
      ...(spans.length > 0 ? {entities: spans} : {}),
      source: 'imported',
      split: u.dataset === 'Test' ? 'test' : 'train',
      ...(u.language && u.language !== projectLanguage ? {metadata: {clu: {language: u.language}}} : {}),
    };
  });
  const {intents, entities, utterances: _utterances, ...assetsRest} = project.assets;
  const {metadata, assets: _assets, ...projectRest} = project;
  return {
    format: DATASET_FORMAT,
    name: metadata.projectName,
    ...(metadata.description ? {description: metadata.description} : {}),
    language: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(projectLanguage) ? projectLanguage : 'en-us',
    intents: intents.map((i) => ({
      name: i.category,
      ...(i['orchestration'] !== undefined ? {metadata: {clu: {orchestration: i['orchestration']}}} : {}),
    })),
    entities: entities.map(toEntity),
    utterances,
    metadata: {clu: {project: projectRest, metadata, assets: assetsRest}},
  };
}
