import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import type {ConnectorFormat, OutputFile} from '../../../src/connector.js';
import {createConnectorContext} from '../../../src/convert/context.js';
import type {Dataset} from '../../../src/model/dataset.js';
import {memorySource} from '../../helpers/memory-source.js';

export async function exportWith(format: ConnectorFormat, dataset: Dataset, split?: 'train' | 'test') {
  const context = createConnectorContext();
  const {files} = await format.exportDataset(dataset, context, split ? {split} : {});
  return {files, warnings: context.warnings};
}

export async function importFiles(format: ConnectorFormat, files: OutputFile[]): Promise<Dataset> {
  const source = memorySource({[files[0]!.path]: files[0]!.content}, {kind: 'file'});
  return (await format.importDataset(source, createConnectorContext())).dataset;
}

export async function importText(format: ConnectorFormat, name: string, text: string): Promise<Dataset> {
  return (await format.importDataset(memorySource({[name]: text}, {kind: 'file'}), createConnectorContext()))
    .dataset;
}

export async function importPath(format: ConnectorFormat, path: string): Promise<Dataset> {
  return importText(format, basename(path), readFileSync(path, 'utf8'));
}

/** Utterances as comparable strings: intent, text and every span (entity, role, offsets), nested too. */
export function spansOf(dataset: Dataset): string[] {
  const span = (s: NonNullable<Dataset['utterances'][number]['entities']>[number]): string =>
    `${s.entity}${s.role ? `:${s.role}` : ''}@${s.start}-${s.end}${s.children?.length ? `[${s.children.map(span).join(',')}]` : ''}`;
  return dataset.utterances.map((u) => `${u.intent}|${u.text}|${(u.entities ?? []).map(span).join(' ')}`);
}
