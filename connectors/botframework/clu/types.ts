/**
 * Azure CLU conversation project import/export JSON
 * (https://learn.microsoft.com/rest/api/language/conversational-analysis-authoring/import). Offsets and
 * lengths count units of `stringIndexType` (we write Utf16CodeUnit, JavaScript's own string indices). The types
 * are generated from schemas/clu-project.schema.json (npm run schemas:types).
 */
export type {
  CluEntity,
  CluEntityLabel,
  CluIntent,
  CluListSynonyms,
  CluProject,
  CluUtterance,
} from '../generated/clu-project.js';

export const CLU_SCHEMA_FILE = 'clu-project.schema.json';
/** The projectFileVersion we write: the GA authoring API version current CLU accepts for import. */
export const CLU_WRITTEN_VERSION = '2023-04-01';
