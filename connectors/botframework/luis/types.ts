/**
 * The LUIS app JSON as exported by the LUIS portal and bf-lu, schema versions 3.x to 7.0.0. Older versions use
 * model_features for phrase lists; 6.x+ use phraselists and entities with children/features. Fields we do not
 * interpret are carried in dataset metadata so a LUIS -> LUIS round trip keeps them. The types are generated
 * from schemas/luis-app.schema.json (npm run schemas:types).
 */
export type {
  LuisApp,
  LuisChildEntity,
  LuisClosedList,
  LuisComposite,
  LuisEntity,
  LuisEntityLabel,
  LuisFeature,
  LuisPhraseList,
  LuisRegexEntity,
  LuisUtterance,
} from '../generated/luis-app.js';

export const LUIS_SCHEMA_FILE = 'luis-app.schema.json';
export const LUIS_WRITTEN_VERSION = '7.0.0';
