/**
 * Every error and finding code synthnlu reports, with its kind, exit code and a one-line meaning: the list a
 * user looks a code up in (docs/error-codes.md is written from it by `npm run docs:errors`), kept complete by
 * test/errors/catalog.test.ts, which reads every code string in src/ and connectors/. Codes a connector of a
 * plugin reports are its own and need not be here.
 */
import type {Severity} from './errors.js';

export interface ErrorCodeEntry {
  /** `error` stops the command (a SynthnluError); `finding` is a diagnostic in a report or a warning. */
  readonly kind: 'error' | 'finding';
  /** The exit code an error ends the command with: 1 a check failed, 2 the input or a flag cannot be used. */
  readonly exit?: 1 | 2;
  /** A finding's severity, where it is always the same (some take theirs from the check that found them). */
  readonly severity?: Severity;
  /** What happened, as the message says it (… stands for the names and numbers it fills in). */
  readonly meaning: string;
}

/**
 * Codes built from a prefix: a schema check reports `<PREFIX>_<problem>` with the prefix of what it checked
 * (SPEC, DATASET, IMPORT, EXPORT, SCHEMA, or a platform schema's name in capitals such as LUIS_APP or
 * DIALOGFLOW_INTENT), and the Google clients report `<PLATFORM>_…` for DIALOGFLOW and DIALOGFLOW_CX.
 */
export const ERROR_CODE_FAMILIES = {
  '<PREFIX>_UNKNOWN_KEY': 'a key the format does not define (the message suggests the nearest known key)',
  '<PREFIX>_MISSING_KEY': 'a required key is missing',
  '<PREFIX>_WRONG_TYPE':
    'a value has the wrong type (a list where a mapping is expected, a number for a string...)',
  '<PREFIX>_NOT_ALLOWED': 'a value is not one of those the format allows',
  '<PREFIX>_EMPTY': 'a list or text that must not be empty is empty',
  '<PREFIX>_OUT_OF_RANGE': 'a number or a length is outside the allowed range',
  '<PREFIX>_BAD_FORMAT': 'a text does not have the required form (a name pattern, a URL, a date)',
  '<PREFIX>_DUPLICATE': 'a list holds the same item twice where items must be unique',
  '<PLATFORM>_GRPC_<n>':
    'the Google API answered with gRPC status n (e.g. 7 permission denied, 8 quota, 9 not trained)',
  '<PLATFORM>_CALL': 'a Google API call failed without a gRPC status',
  '<PLATFORM>_NO_CREDENTIALS':
    'no Google credentials: no --key-file, GOOGLE_APPLICATION_CREDENTIALS or default credentials',
} as const;

/** The problems a schema check names after its prefix (src/schema/validate.ts). */
export const SCHEMA_PROBLEMS = [
  'UNKNOWN_KEY',
  'MISSING_KEY',
  'WRONG_TYPE',
  'NOT_ALLOWED',
  'EMPTY',
  'OUT_OF_RANGE',
  'BAD_FORMAT',
  'DUPLICATE',
] as const;

export const ERROR_CODES = {
  BAD_FLAG_VALUE: {
    kind: 'error',
    exit: 2,
    meaning: 'a flag has a value outside its allowed range or form; the message names the flag and the range',
  },
  BAD_THRESHOLD: {kind: 'error', exit: 2, meaning: '--threshold must be a number from 0 to 1 (got "…")'},
  BOT_PUBLIC_HOST_NEEDS_AUTH: {
    kind: 'error',
    exit: 2,
    meaning:
      'Refusing to serve the bot on … without authentication: anyone who can reach that address could use it',
  },
  CHATITO_BAD_COUNT: {kind: 'error', exit: 2, meaning: "'…' must be a whole number >= 1, got '…'"},
  CHATITO_NO_INTENTS: {kind: 'error', exit: 2, meaning: 'the file defines no intent'},
  CHATITO_PROBABILITY: {kind: 'error', exit: 2, meaning: 'the probabilities add up to …%, more than 100%'},
  CHATITO_SYNTAX: {
    kind: 'error',
    exit: 2,
    meaning: 'a Chatito file does not parse; the message gives the line and what was expected',
  },
  CHATITO_UNKNOWN_SLOT: {
    kind: 'error',
    exit: 2,
    meaning: 'a Chatito sentence uses a slot @[name] that is not defined',
  },
  CLASSIFIER_INVALID_MODEL: {kind: 'error', exit: 2, meaning: 'Not a saved synthnlu intent classifier: …'},
  CLASSIFIER_NO_EXAMPLES: {
    kind: 'error',
    exit: 2,
    meaning: 'Cannot train an intent classifier on no examples',
  },
  CLASSIFIER_TOO_MANY_INTENTS: {kind: 'error', exit: 2, meaning: '… intents; at most 65,535 are supported'},
  CLU_BAD_JSON: {kind: 'error', exit: 2, meaning: 'a CLU project file is not valid JSON'},
  CLU_BAD_OFFSET: {
    kind: 'error',
    exit: 2,
    meaning: 'entity "…" at offset … length … (…) is outside the utterance or splits a character',
  },
  CLU_DELETE: {
    kind: 'error',
    exit: 1,
    meaning: 'deleting a project or deployment the A/B run created failed',
  },
  CLU_DEPLOY: {kind: 'error', exit: 1, meaning: 'CLU reported that the deployment job failed'},
  CLU_EXPORT: {kind: 'error', exit: 1, meaning: 'the CLU export job gave no result URL'},
  CLU_FIELDS_DROPPED: {
    kind: 'finding',
    meaning: 'CLU projectFileVersion 2023-04-01 does not define …: left out of the exported project',
  },
  CLU_FOREIGN_URL: {
    kind: 'error',
    exit: 1,
    meaning: 'CLU returned a job URL on another host (…); refusing to send the key there',
  },
  CLU_INVALID: {kind: 'error', exit: 2, meaning: 'a CLU project file does not match the CLU project schema'},
  CLU_JOB_TIMEOUT: {kind: 'error', exit: 1, meaning: 'the CLU … job did not finish in … s'},
  CLU_MISSING_SETTINGS: {
    kind: 'error',
    exit: 2,
    meaning: 'Azure CLU needs an endpoint, a project and a key, and one of them is missing',
  },
  CLU_NOT_DEPLOYED: {kind: 'error', exit: 1, meaning: 'CLU has no deployment "…" of project "…" to ask (…)'},
  CLU_NO_DEPLOYMENT: {kind: 'error', exit: 2, meaning: 'evaluating on CLU needs --deployment'},
  CLU_NO_ENDPOINT: {kind: 'finding', meaning: 'no endpoint: neither --endpoint nor …'},
  CLU_NO_JOB: {kind: 'error', exit: 1, meaning: 'CLU accepted the … request but gave no operation-location'},
  CLU_NO_KEY: {kind: 'finding', meaning: 'no key: the environment variable … is not set'},
  CLU_NO_PROJECT: {kind: 'finding', meaning: 'no project: neither --project nor …'},
  CLU_ORCHESTRATION_READ: {
    kind: 'finding',
    meaning:
      '… is an orchestration workflow project: its intents and utterances are read as a conversation project…',
  },
  CLU_PROJECT_NAME_CHANGED: {
    kind: 'finding',
    meaning:
      'CLU project names use letters, digits, "_", "." and "-" (at most 50 characters): "…" is written as "…"',
  },
  CLU_RESTORE: {kind: 'error', exit: 1, meaning: 'restoring the A/B scratch project from its backup failed'},
  CLU_SETTING_CHANGED: {
    kind: 'finding',
    meaning: 'CLU 2023-04-01 has no compositionSetting "…": entity "…" is written with "combineComponents"',
  },
  CLU_TRAIN: {kind: 'error', exit: 1, meaning: 'CLU reported that the training job failed'},
  CLU_UNSUPPORTED_LAYOUT: {
    kind: 'error',
    exit: 2,
    meaning:
      '… uses the early CLU preview layout (api-version …: assets.examples with entityName labels), which synthnlu cannot read',
  },
  COVERAGE_BAD_BASELINE: {kind: 'error', exit: 2, meaning: 'cannot read baseline report: …'},
  COVERAGE_BAD_FLAG: {
    kind: 'error',
    exit: 2,
    meaning: '--min-f1, --baseline and --test-set need the model estimate',
  },
  COVERAGE_BELOW_PLATFORM_MINIMUM: {
    kind: 'finding',
    severity: 'error',
    meaning: 'intent "…" has … example…; … needs at least …',
  },
  COVERAGE_CLASS_IMBALANCE: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'heavy class imbalance: "…" has … examples, "…" only … (…×)',
  },
  COVERAGE_CONFUSABLE_INTENTS: {
    kind: 'finding',
    severity: 'warning',
    meaning:
      'intents "…" and "…" are hard to tell apart: their TF-IDF centroids have cosine … (cohesion within: … and …',
  },
  COVERAGE_CONFUSED_PAIR: {
    kind: 'finding',
    severity: 'info',
    meaning: '… utterance… of "…" predicted as "…", e.g. "…"',
  },
  COVERAGE_DUPLICATE_ACROSS_INTENTS: {
    kind: 'finding',
    severity: 'error',
    meaning: 'the same utterance is an example of two or more intents',
  },
  COVERAGE_EMPTY_INTENT: {kind: 'finding', severity: 'error', meaning: 'intent "…" has no training examples'},
  COVERAGE_ENTITY_UNANNOTATED: {
    kind: 'finding',
    severity: 'warning',
    meaning: '… mention… of … … not annotated as "…", though annotated elsewhere',
  },
  COVERAGE_ENTITY_UNUSED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'entity "…" is defined but never annotated in any utterance',
  },
  COVERAGE_F1_REGRESSION: {
    kind: 'finding',
    severity: 'error',
    meaning: 'F1 of "…" dropped from … to … (…; allowed drop …)',
  },
  COVERAGE_FEW_EXAMPLES: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'intent "…" has only … example… (fewer than …)',
  },
  COVERAGE_FEW_REAL_UTTERANCES: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'the estimate rests on only … (±… points at 95%): too few for a figure to act on',
  },
  COVERAGE_GENERATED_WITHOUT_ORIGIN: {
    kind: 'finding',
    severity: 'warning',
    meaning:
      '… do not record the seed they came from, so they train every run and may paraphrase a tested utterance: the estimate may be optimistic',
  },
  COVERAGE_INTENT_NOT_MEASURED: {
    kind: 'finding',
    severity: 'warning',
    meaning:
      'an intent has no real utterance or template example to test on (or none in the test set): its F1 is unknown, not 0',
  },
  COVERAGE_INVALID_ENTITY_NAME: {
    kind: 'finding',
    severity: 'error',
    meaning: 'an entity name the target platform does not accept',
  },
  COVERAGE_INVALID_INTENT_NAME: {
    kind: 'finding',
    severity: 'error',
    meaning: 'an intent name the target platform does not accept',
  },
  COVERAGE_LIST_VALUE_UNUSED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'value "…" of "…" (and its synonyms) appears in no utterance',
  },
  COVERAGE_NEAR_DUPLICATE: {
    kind: 'finding',
    severity: 'warning',
    meaning: '… near-duplicate utterance pair… between "…" and "…", e.g. "…" (…) and "…" (…), similarity …',
  },
  COVERAGE_NO_REAL_UTTERANCES: {
    kind: 'finding',
    severity: 'warning',
    meaning:
      'all … are generated: no estimate is shown, because a figure measured on generated text says nothing about real users',
  },
  COVERAGE_PHRASE_LIST_UNUSED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'lookup table / phrase list "…" (…) matches no utterance',
  },
  COVERAGE_REGEX_UNUSED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'pattern /…/ of regex entity "…" matches no utterance…',
  },
  COVERAGE_SAMPLED_ESTIMATE: {
    kind: 'finding',
    severity: 'info',
    meaning: 'the estimate ran on a stratified sample of … of … (at most … real and … genera',
  },
  COVERAGE_SPAN_MISMATCH: {
    kind: 'finding',
    severity: 'error',
    meaning: 'span …-… of "…" is outside the utterance (… characters)',
  },
  COVERAGE_SYNONYM_CONFLICT: {
    kind: 'finding',
    severity: 'error',
    meaning: '"…" of entity "…" maps to two values: "…" and "…"',
  },
  COVERAGE_SYNONYM_UNUSED: {
    kind: 'finding',
    severity: 'info',
    meaning: 'synonym… … of "…" value "…" appear… in no utterance you wrote, only in generated ones (wh',
  },
  COVERAGE_UNDEFINED_ENTITY: {
    kind: 'finding',
    severity: 'error',
    meaning: 'span annotates entity "…", which is not defined',
  },
  COVERAGE_UTTERANCE_TOO_LONG: {
    kind: 'finding',
    severity: 'error',
    meaning: 'utterance of … characters in "…" is over …\'s limit of …',
  },
  COVERAGE_WEAK_INTENT: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'the classifier recognises "…" poorly: F1 … (precision …, recall …, … test utterances)',
  },
  DATASET_BAD_NAME: {
    kind: 'finding',
    severity: 'error',
    meaning:
      'an intent or entity name in the dataset is empty, too long or has characters names may not hold',
  },
  DATASET_BAD_REGEX: {
    kind: 'finding',
    severity: 'error',
    meaning: "a regex entity's pattern in the dataset does not compile",
  },
  DATASET_CONFLICTING_UTTERANCE: {
    kind: 'finding',
    severity: 'warning',
    meaning: '"…" is in two intents: "…" and "…"',
  },
  DATASET_CONTROL_CHARACTER: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a dataset text holds a control character (NUL, a bidirectional override...)',
  },
  DATASET_DUPLICATE_ENTITY: {
    kind: 'finding',
    severity: 'error',
    meaning: 'entity "…" is defined twice (first at entities[…])',
  },
  DATASET_DUPLICATE_INTENT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'intent "…" is defined twice (first at intents[…])',
  },
  DATASET_DUPLICATE_UTTERANCE: {
    kind: 'finding',
    severity: 'info',
    meaning: '"…" appears more than once in intent "…"',
  },
  DATASET_EMPTY_FILE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'the file holds no dataset: no header line and no utterance',
  },
  DATASET_EMPTY_LIST_ENTITY: {kind: 'finding', severity: 'warning', meaning: 'list entity "…" has no values'},
  DATASET_INVALID_OUTPUT: {kind: 'error', exit: 1, meaning: 'refusing to write an invalid dataset: … …'},
  DATASET_LANGUAGE_CONFLICT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'the dataset language is not the first of its languages',
  },
  DATASET_MISPLACED_HEADER: {
    kind: 'finding',
    severity: 'error',
    meaning: 'the {"$dataset": ...} header must be the first line',
  },
  DATASET_SPAN_NOT_IN_LIST: {
    kind: 'finding',
    severity: 'warning',
    meaning: '"…" is annotated as list entity "…" but is none of its values or synonyms',
  },
  DATASET_SPAN_OUT_OF_RANGE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'span […, …) of "…" is outside the text "…" (length …)',
  },
  DATASET_SPAN_SPLITS_CHARACTER: {
    kind: 'finding',
    severity: 'error',
    meaning: 'span […, …) of "…" cuts a character (a surrogate pair) in two',
  },
  DATASET_SPAN_WHITESPACE: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'span of "…" starts or ends with whitespace: "…"',
  },
  DATASET_UNKNOWN_ENTITY: {
    kind: 'finding',
    severity: 'error',
    meaning: 'span refers to entity "…", which is not in entities',
  },
  DATASET_UNKNOWN_INTENT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'utterance "…" belongs to intent "…", which is not in intents',
  },
  DATASET_UNKNOWN_LANGUAGE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'an utterance carries a language the dataset does not declare in languages',
  },
  DIALOGFLOW_BACKUP: {
    kind: 'error',
    exit: 1,
    meaning: 'exportAgent returned no agent content; nothing was changed',
  },
  DIALOGFLOW_BAD_JSON: {
    kind: 'error',
    exit: 2,
    meaning: 'a file of the Dialogflow ES export is not valid JSON',
  },
  DIALOGFLOW_CX_BACKUP: {
    kind: 'error',
    exit: 1,
    meaning: 'exportAgent returned no agent content; nothing was changed',
  },
  DIALOGFLOW_CX_BAD_JSON: {
    kind: 'error',
    exit: 2,
    meaning: 'a file of the Dialogflow CX export is not valid JSON',
  },
  DIALOGFLOW_CX_BLOB_EXPORT: {
    kind: 'error',
    exit: 2,
    meaning:
      'this is a Dialogflow CX BLOB export (the agent as raw protobuf bytes); synthnlu reads the JSON package export',
  },
  DIALOGFLOW_CX_ENTITY_NAME: {
    kind: 'finding',
    meaning:
      'dialogflow-cx entity type names use letters, digits, "_" and "-" only; the console will refuse ……',
  },
  DIALOGFLOW_CX_LANGUAGE: {
    kind: 'error',
    exit: 1,
    meaning: 'enabling a language of the dataset in the CX agent failed; nothing else was changed',
  },
  DIALOGFLOW_CX_LANGUAGE_ENTRIES_KEPT: {
    kind: 'finding',
    meaning:
      'entity type "…" has entries in other languages under reference values its default language lacks: …; kept for an export back to dialogflow-cx, left out of every other format',
  },
  DIALOGFLOW_CX_LOCATION: {
    kind: 'error',
    exit: 2,
    meaning: "--location … does not match the agent's location …",
  },
  DIALOGFLOW_CX_NOT_TRAINED: {kind: 'error', exit: 1, meaning: 'the agent … is not trained (…)'},
  DIALOGFLOW_CX_NOT_TRAINING_DATA: {
    kind: 'finding',
    meaning:
      'not training data, kept untouched for an export back to dialogflow-cx and left out of any other format: …',
  },
  DIALOGFLOW_CX_NO_AGENT: {
    kind: 'error',
    exit: 2,
    meaning: 'no Dialogflow CX agent here (no intents/<name>/<name>.json or entityTypes/<name>/<name>.json)',
  },
  DIALOGFLOW_CX_NO_AGENT_FOUND: {kind: 'error', exit: 1, meaning: 'no Dialogflow CX agent in …'},
  DIALOGFLOW_CX_NO_PROJECT: {
    kind: 'error',
    exit: 2,
    meaning: 'no Google Cloud project for the Dialogflow CX agent',
  },
  DIALOGFLOW_CX_ONLY_SETTINGS: {
    kind: 'finding',
    meaning:
      'only dialogflow-cx carries these, kept for an export back to it and left out of any other format: …',
  },
  DIALOGFLOW_CX_OVERLAPPING_SPANS: {
    kind: 'finding',
    meaning: 'dialogflow-cx annotations cannot overlap or be empty; such annotations are left out',
  },
  DIALOGFLOW_CX_RESTORE: {
    kind: 'error',
    exit: 1,
    meaning: 'restoring the A/B scratch agent from its backup failed',
  },
  DIALOGFLOW_CX_TRAIN: {
    kind: 'error',
    exit: 1,
    meaning: 'Dialogflow CX reported that training a flow failed',
  },
  DIALOGFLOW_CX_UNDECLARED_PARAMETER: {
    kind: 'finding',
    meaning:
      'intent "…" annotates parts with parameter "…", which its intent file does not declare; read as a free-form entity',
  },
  DIALOGFLOW_CX_UNSAFE_PATH: {
    kind: 'finding',
    meaning:
      'metadata.dialogflowCx.files holds "…", which is not a file inside an agent package; it is not written',
  },
  DIALOGFLOW_CX_WHICH_AGENT: {kind: 'error', exit: 2, meaning: '… has … agents; say which one'},
  DIALOGFLOW_DEFAULT_INTENTS_ADDED: {
    kind: 'finding',
    severity: 'info',
    meaning: "added … without training phrases, so restoring the zip does not delete the agent's own",
  },
  DIALOGFLOW_ENTITY_RENAMED: {
    kind: 'finding',
    meaning:
      'Dialogflow entity type names use letters, digits, "_" and "-" and start with a letter: renamed …',
  },
  DIALOGFLOW_ENTRY_CONFLICT: {
    kind: 'finding',
    meaning: 'dialogflow matches entity entries case-insensitively: in "…", …',
  },
  DIALOGFLOW_KEY_FILE: {
    kind: 'error',
    exit: 2,
    meaning: 'the Google service-account key file cannot be read or is not a service-account key',
  },
  DIALOGFLOW_ADD_LANGUAGE: {
    kind: 'error',
    exit: 1,
    meaning: 'adding a language of the dataset to the Dialogflow ES agent failed; nothing else was changed',
  },
  DIALOGFLOW_LANGUAGE: {
    kind: 'finding',
    meaning: 'a Dialogflow agent\'s default language is a root language: "…" is written as "…"',
  },
  DIALOGFLOW_LANGUAGE_CODE: {
    kind: 'finding',
    meaning: 'Dialogflow writes language codes in lower case: "…" is written as "…"',
  },
  DIALOGFLOW_LANGUAGE_ENTRIES_KEPT: {
    kind: 'finding',
    meaning:
      'entity "…" has entries in other languages under reference values its default language lacks: …; kept for an export back to dialogflow, left out of every other format',
  },
  DIALOGFLOW_NO_AGENT: {
    kind: 'error',
    exit: 2,
    meaning: 'no Dialogflow agent here (no intents/ or entities/ folder)',
  },
  DIALOGFLOW_NO_PROJECT: {
    kind: 'error',
    exit: 2,
    meaning: 'no Google Cloud project for the Dialogflow agent',
  },
  DIALOGFLOW_OVERLAPPING_SPANS: {
    kind: 'finding',
    meaning: 'dialogflow annotations cannot overlap or be empty; such annotations are left out',
  },
  DIALOGFLOW_PARAMETER_RENAMED: {
    kind: 'finding',
    meaning: 'Dialogflow parameter names use letters, digits, "_" and "-": roles renamed …',
  },
  DIALOGFLOW_RESTORE: {kind: 'error', exit: 1, meaning: 'restoring the agent from … failed: …'},
  DIALOGFLOW_SPAN_VALUE_DROPPED: {
    kind: 'finding',
    meaning:
      'dialogflow resolves an annotation to a value through the entity entries; annotation values that are not an entry synonym are not in the exported files',
  },
  DIALOGFLOW_SYSTEM_ENTITY_ROLE: {
    kind: 'finding',
    meaning:
      'dialogflow names system-entity parameters by role: a role on a system entity becomes its parameter name',
  },
  DIALOGFLOW_TEMPLATES_KEPT: {
    kind: 'finding',
    meaning:
      '… template-mode training phrase… ("@type:name" syntax) kept for Dialogflow but not imported as examples',
  },
  DIALOGFLOW_TRAIN: {
    kind: 'error',
    exit: 1,
    meaning: 'Dialogflow ES reported that training the agent failed',
  },
  DIALOGFLOW_UNKNOWN_SYSTEM_ENTITY: {
    kind: 'finding',
    meaning:
      'Dialogflow has no system entity for …: written as custom entity types listing the annotated values',
  },
  DISK_FULL: {kind: 'finding', meaning: 'no space left on the device'},
  EVALUATE_AB_ARMS: {kind: 'error', exit: 2, meaning: 'an A/B run takes exactly two --train files (got …)'},
  EVALUATE_AB_FLAG: {kind: 'error', exit: 2, meaning: '… do not apply to an A/B run yet'},
  EVALUATE_AB_INTENTS_DIFFER: {
    kind: 'error',
    exit: 2,
    meaning: 'the two arms do not have the same intents, so they cannot be compared on the same utterances',
  },
  EVALUATE_AB_NO_TEST_SET: {kind: 'error', exit: 2, meaning: 'an A/B run (--train) needs --test-set'},
  EVALUATE_AB_PUSH_FAILED: {kind: 'error', exit: 1, meaning: 'pushing … to the scratch target failed: …'},
  EVALUATE_AB_UNSUPPORTED: {kind: 'error', exit: 2, meaning: '… has no scratch target for A/B runs yet'},
  EVALUATE_MAX_REQUESTS: {
    kind: 'error',
    exit: 2,
    meaning: '… needs … requests, more than --max-requests …; nothing was sent',
  },
  EVALUATE_NO_DATASET: {
    kind: 'error',
    exit: 2,
    meaning: 'name the dataset to evaluate, or two --train files for an A/B run',
  },
  EVALUATE_NO_KNOWN_INTENTS: {
    kind: 'error',
    exit: 2,
    meaning: 'none of the test utterances has an intent the agent knows (…)',
  },
  EVALUATE_NO_SCRATCH: {kind: 'error', exit: 2, meaning: 'an A/B run on … needs --…'},
  EVALUATE_NO_TEST_UTTERANCES: {
    kind: 'error',
    exit: 2,
    meaning: 'there are no real (non-generated) utterances to evaluate on',
  },
  EVALUATE_SCRATCH_IS_TARGET: {
    kind: 'error',
    exit: 2,
    meaning: '--… … is the push target (--…); A/B would overwrite it',
  },
  EVALUATE_ONE_LANGUAGE: {
    kind: 'error',
    exit: 2,
    meaning: '… runs one model per server, but the test set is in … languages (…)',
  },
  EVALUATE_SCRATCH_UNCHECKED: {
    kind: 'error',
    exit: 2,
    meaning: 'an A/B run on … needs --… as well, so that --… can be checked against it',
  },
  EVALUATE_TOO_FEW_INTENTS: {
    kind: 'error',
    exit: 2,
    meaning: 'the local classifier needs at least two intents with examples to train',
  },
  EVALUATE_UNSUPPORTED: {
    kind: 'error',
    exit: 2,
    meaning: '… cannot recognize utterances yet, so it cannot be evaluated',
  },
  EXPORT_DROPS_FEATURE: {
    kind: 'finding',
    severity: 'warning',
    meaning: '… cannot carry …; they are not in the exported files',
  },
  EXPORT_DROPS_PLATFORM_DATA: {
    kind: 'finding',
    severity: 'warning',
    meaning: '… cannot carry what only … reads (……); it is not in the exported files',
  },
  EXPORT_LU_LIST_TRIMMED: {
    kind: 'finding',
    meaning: '.lu list items are trimmed lines: … list value… or synonym… lost surrounding spaces (…',
  },
  EXPORT_LU_TEXT_CHANGED: {
    kind: 'finding',
    meaning:
      '.lu utterances are single trimmed lines: … utterance… trimmed or had line breaks replaced by spaces',
  },
  EXPORT_ONE_FILE_PER_LANGUAGE: {
    kind: 'finding',
    severity: 'info',
    meaning:
      'the format holds one language per file: the other languages are written beside the output as <name>.<language><ext>',
  },
  EXPORT_PREBUILT_LABELLED: {
    kind: 'finding',
    meaning:
      'LUIS cannot label the prebuilt entity "…": it is exported as a machine-learned entity so its labels are kept',
  },
  EXPORT_PREBUILT_MERGED: {
    kind: 'finding',
    meaning: '… has no separate prebuilt type for …: these read back as …',
  },
  EXPORT_PREBUILT_UNMAPPED: {
    kind: 'finding',
    meaning: 'CLU has no prebuilt component for "…": "…" is exported as a learned entity',
  },
  EXPORT_REGEX_JOINED: {
    kind: 'finding',
    meaning: 'LUIS regex entities hold one pattern: the patterns of "…" are joined with |',
  },
  EXPORT_SCHEMA_INVALID: {
    kind: 'error',
    exit: 1,
    meaning: 'the exported file does not match its schema: … …',
  },
  EXPORT_TEST_AS_TRAIN: {
    kind: 'finding',
    severity: 'info',
    meaning: '… cannot mark test utterances: the … test … are exported as training data (--test-as-train)',
  },
  EXPORT_TEST_SPLIT_LEFT_OUT: {
    kind: 'finding',
    severity: 'warning',
    meaning:
      '… cannot mark test utterances: the … test … are left out of the exported files, so they stay unseen for evaluation',
  },
  FILE_EXISTS: {kind: 'error', exit: 2, meaning: 'already exists; not overwriting it'},
  FILE_IS_DIRECTORY: {kind: 'error', exit: 2, meaning: 'the path names a folder where a file is expected'},
  FILE_NOT_FOUND: {kind: 'error', exit: 2, meaning: 'the file does not exist'},
  FILE_NOT_REGULAR: {
    kind: 'error',
    exit: 2,
    meaning: 'the path is not a regular file (a device, a socket, a pipe)',
  },
  FILE_NOT_UTF8: {kind: 'error', exit: 2, meaning: 'the file is not valid UTF-8 text'},
  FILE_TOO_LARGE: {
    kind: 'error',
    exit: 2,
    meaning: 'the file is over the … limit for YAML, Markdown and .lu files',
  },
  FILE_UNREADABLE: {kind: 'error', exit: 2, meaning: 'the file cannot be read (permission denied)'},
  GENERATE_ENTITY_WITHOUT_VALUES: {
    kind: 'error',
    exit: 2,
    meaning: 'entity "…" has no values to fill {…} with',
  },
  GENERATE_AUTO_MIX_CACHE: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'could not save the auto-mix cache …: … (the next run measures again)',
  },
  GENERATE_NO_PROVIDER: {
    kind: 'error',
    exit: 2,
    meaning: '--offline and --dry-run need a language-model provider',
  },
  GENERATE_OUTPUT_FORMAT: {kind: 'error', exit: 2, meaning: 'cannot tell the output format of "…"'},
  GENERATE_PROVIDER_ONE_LANGUAGE: {
    kind: 'error',
    exit: 2,
    meaning: 'a language-model provider generates one language at a time and the spec has several',
  },
  GENERATE_REGEX_EMPTY: {
    kind: 'error',
    exit: 2,
    meaning: 'the pattern of regex entity "…" produces only empty text, so {…} cannot be filled',
  },
  GENERATE_SEVERAL_LANGUAGES: {
    kind: 'error',
    exit: 2,
    meaning: 'a library call that generates one language was given a spec with several',
  },
  GENERATE_TOO_MANY: {kind: 'error', exit: 2, meaning: 'the counts ask for … utterances…, over the … limit'},
  GENERATE_UNKNOWN_SYSTEM_TYPE: {kind: 'error', exit: 2, meaning: 'entity "…": unknown system type "…"'},
  IMPORT_INVALID_DATASET: {
    kind: 'error',
    exit: 1,
    meaning: 'the … importer produced an invalid dataset: … …',
  },
  IMPORT_LANGUAGE_FILE: {
    kind: 'finding',
    severity: 'info',
    meaning:
      'a file named <name>.<language> beside the imported one was read as that language of the dataset',
  },
  IMPORT_NO_FILE: {kind: 'error', exit: 2, meaning: 'no … file in … to read as …'},
  INPUT_TOO_DEEP: {kind: 'error', exit: 2, meaning: 'the input is nested too deeply to process'},
  INPUT_TOO_LARGE: {
    kind: 'error',
    exit: 2,
    meaning: 'the input or the output it asks for is too large to hold in memory',
  },
  INPUT_UNKNOWN_KIND: {
    kind: 'finding',
    severity: 'error',
    meaning:
      'the input is neither a synthnlu spec nor a dataset (or it is a platform file where one is needed)',
  },
  INVALID_FLAG_VALUE: {kind: 'error', exit: 2, meaning: '--… … is not one of: …'},
  JSON_DUPLICATE_KEY: {kind: 'error', exit: 2, meaning: 'key "…" appears twice in one object'},
  JSON_SYNTAX: {
    kind: 'error',
    exit: 2,
    meaning: 'the JSON does not parse; the message gives the line and column',
  },
  JSON_TOO_DEEP: {kind: 'error', exit: 2, meaning: 'a JSON input is nested more than 64 levels deep'},
  LANGUAGE_FEW_EXAMPLES: {
    kind: 'finding',
    meaning: 'an intent has fewer examples in one language than --min-examples asks',
  },
  LANGUAGE_MISSING_INTENT: {
    kind: 'finding',
    meaning: 'an intent has examples in one language of the dataset and none in another',
  },
  LANGUAGE_NOT_IN_DATASET: {
    kind: 'error',
    exit: 2,
    meaning: '--language names a language the dataset does not hold',
  },
  LEX_BACKUP_FAILED: {
    kind: 'error',
    exit: 1,
    meaning: 'Lex could not export the bot for a backup (status …); nothing was changed',
  },
  LEX_BAD_JSON: {kind: 'error', exit: 2, meaning: 'a file of the Lex V2 export is not valid JSON'},
  LEX_BOT_NOT_FOUND: {kind: 'error', exit: 2, meaning: 'no Lex bot named "…" in this account and region'},
  LEX_BUILD_FAILED: {kind: 'error', exit: 1, meaning: 'Lex could not build the … locale…'},
  LEX_LOCALE_TWICE: {
    kind: 'error',
    exit: 2,
    meaning: "the languages … are both Lex's …: a bot has one locale per language",
  },
  LEX_LOCALE_VALUES_UNMATCHED: {
    kind: 'finding',
    meaning:
      'slot type "…" of … has … value… its … slot type lacks (…): left out, since another locale\'s values are read as the forms of the … value with the same sampleValue',
  },
  LEX_LOCALE_NOT_CREATED: {
    kind: 'error',
    exit: 1,
    meaning: 'Lex was still creating a locale push added for a language of the dataset',
  },
  LEX_LOCALE_WITH_LANGUAGES: {
    kind: 'error',
    exit: 2,
    meaning: '--locale names one Lex locale but the push has several languages',
  },
  LEX_NOT_TRAINING_DATA: {
    kind: 'finding',
    meaning:
      'prompts, code hooks, confirmation and closing settings, conditional branching, contexts, slot elicitation and bot settings are not training data: kept for an export back to lex and left out of any other format',
  },
  LEX_NO_BOT: {
    kind: 'error',
    exit: 2,
    meaning: 'no Amazon Lex V2 bot here (no <bot>/Bot.json with BotLocales/)',
  },
  LEX_NO_BOT_GIVEN: {kind: 'error', exit: 2, meaning: 'which Lex bot? --bot is missing'},
  LEX_NO_LOCALE: {kind: 'error', exit: 2, meaning: 'Lex has no locale for a language of the dataset'},
  LEX_NO_CREDENTIALS: {kind: 'error', exit: 2, meaning: 'no AWS credentials to reach Amazon Lex'},
  LEX_SLOT_TEMPLATES: {
    kind: 'finding',
    meaning:
      'lex sample utterances name slots ({Slot}) instead of annotating values, and the fallback intent takes none; read back, this bot gives …',
  },
  LEX_TEMPLATES_FILLED: {
    kind: 'finding',
    severity: 'info',
    meaning:
      "… utterance… come from sample utterances with {slot} references, filled with the slot types' values (Lex samples name slots, they do not annotate values); an export back to lex writes th",
  },
  LEX_UNSAFE_PATH: {
    kind: 'finding',
    meaning:
      'metadata.lex.files holds "…", which is not a file of a Lex export beside the data; it is not written',
  },
  LIMIT_BAD_INTENT_NAME: {
    kind: 'finding',
    severity: 'error',
    meaning: '… does not accept the intent name "…"…',
  },
  LIMIT_CLU_OLD_UTTERANCE_LIMIT: {
    kind: 'finding',
    meaning:
      'the project has … utterances: CLU allows 50,000, but resources still on the older limit refuse more than …',
  },
  LIMIT_LEX: {
    kind: 'error',
    exit: 2,
    meaning: 'the dataset breaks an Amazon Lex V2 quota (the message names it and cites the AWS page)',
  },
  LIMIT_TOO_FEW_INTENT_UTTERANCES: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'intent "…" has … utterance…; … recommends at least …',
  },
  LIMIT_TOO_MANY_ENTITIES: {
    kind: 'error',
    exit: 1,
    meaning: '… allows at most … entities; the dataset has …',
  },
  LIMIT_TOO_MANY_INTENTS: {
    kind: 'finding',
    severity: 'error',
    meaning: '… allows at most … intents; the dataset has …',
  },
  LIMIT_TOO_MANY_INTENT_UTTERANCES: {
    kind: 'finding',
    severity: 'error',
    meaning: 'intent "…" has … utterances; … allows …',
  },
  LIMIT_TOO_MANY_UTTERANCES: {
    kind: 'finding',
    severity: 'error',
    meaning: '… allows at most … utterances; the dataset has …',
  },
  LIMIT_UTTERANCE_TOO_LONG: {
    kind: 'finding',
    severity: 'error',
    meaning: 'utterance of intent "…" is … characters; … allows …: "……"',
  },
  LLM_AUTH: {kind: 'error', exit: 1, meaning: '… refused the API key (…)…'},
  LLM_BAD_RESPONSE: {
    kind: 'error',
    exit: 1,
    meaning: 'the language-model endpoint answered with something that is not a usable chat completion',
  },
  LLM_CACHE_MISS: {kind: 'error', exit: 2, meaning: '--offline: … of … model answers are not in the cache …'},
  LLM_HTTP: {
    kind: 'error',
    exit: 1,
    meaning: 'the language-model endpoint answered with an HTTP error that retries did not overcome',
  },
  LLM_NOT_FOUND: {
    kind: 'error',
    exit: 1,
    meaning: 'the language-model endpoint does not know the model (404)',
  },
  LLM_RESPONSE_TOO_LARGE: {
    kind: 'error',
    exit: 1,
    meaning: 'the language-model endpoint sent an answer over the size limit',
  },
  LLM_SETTINGS: {
    kind: 'error',
    exit: 2,
    meaning:
      'the language-model settings (spec llm: block, --provider, environment) are incomplete or invalid',
  },
  LLM_UNREACHABLE: {kind: 'error', exit: 1, meaning: 'the language-model endpoint cannot be reached'},
  LUIS_BAD_JSON: {kind: 'error', exit: 2, meaning: 'a LUIS application file is not valid JSON'},
  LUIS_BAD_OFFSET: {
    kind: 'error',
    exit: 2,
    meaning: 'entity "…" has startPos … / endPos … outside the utterance (… characters; endPos is inclusive)',
  },
  LUIS_INVALID: {kind: 'error', exit: 2, meaning: 'a LUIS application file does not match the LUIS schema'},
  LU_CONTROL_CHARACTER: {kind: 'error', exit: 2, meaning: 'a .lu file holds a control character'},
  LU_EXPORT_UNREADABLE: {kind: 'error', exit: 2, meaning: 'the exported .lu reads back … of … utterances'},
  LU_NO_INTENTS: {kind: 'error', exit: 2, meaning: '… defines no intents (no "# Intent" heading)'},
  LU_SYNTAX: {kind: 'error', exit: 2, meaning: 'a .lu file does not parse; the message gives the line'},
  MISSING_FLAG: {kind: 'error', exit: 2, meaning: 'a required flag is missing; the message names it'},
  OUTPUT_CONTAINS_INPUT: {
    kind: 'error',
    exit: 2,
    meaning:
      'the … contains the input "…"; replacing it would delete the input, so it is refused even with --force',
  },
  OUTPUT_EXISTS: {
    kind: 'error',
    exit: 2,
    meaning: 'folder exists and is not empty, and was not written by synthnlu (or was changed since)',
  },
  OUTPUT_FOLDER_NOT_AGENT: {
    kind: 'error',
    exit: 2,
    meaning:
      'the output folder holds "…", which is not part of an agent export; --force replaces an agent folder, never other files',
  },
  OUTPUT_INSIDE_INPUT: {
    kind: 'error',
    exit: 2,
    meaning:
      'the … is inside the input folder "…"; writing there would change the input, so it is refused even with --force',
  },
  OUTPUT_IS_FOLDER: {kind: 'error', exit: 2, meaning: 'the … is a folder, expected a file name'},
  OUTPUT_IS_INPUT: {kind: 'error', exit: 2, meaning: 'the … is the input file "…"; refusing to overwrite it'},
  OUTPUT_NAME_CLASH: {
    kind: 'error',
    exit: 2,
    meaning:
      'two outputs would be written to the same file "…": --out names the training data file, and the companion file written beside it has the same name',
  },
  OUTPUT_NOT_FOLDER: {kind: 'error', exit: 2, meaning: 'exists and is not a folder'},
  OUTPUT_NOT_REGULAR: {kind: 'error', exit: 2, meaning: 'the … exists and is not a regular file'},
  OUTPUT_PARENT_NOT_FOLDER: {
    kind: 'error',
    exit: 2,
    meaning: 'cannot write here: "…" is a file, not a folder',
  },
  OUTPUT_SPECIAL_PATH: {kind: 'error', exit: 2, meaning: 'refusing to write under /proc, /sys or /dev'},
  OUTPUT_UNWRITABLE: {
    kind: 'error',
    exit: 2,
    meaning: 'the output cannot be written (the message says why: permission, full disk, read-only)',
  },
  PATH_CROSS_DEVICE: {kind: 'finding', meaning: 'cannot move a file across file systems'},
  PATH_EXISTS: {
    kind: 'finding',
    meaning: 'the path already exists and is not an output synthnlu may replace',
  },
  PATH_IS_A_FOLDER: {kind: 'finding', meaning: 'is a folder, expected a file'},
  PATH_LOOP: {kind: 'finding', meaning: 'the path loops through symbolic links'},
  PATH_NOT_A_FOLDER: {kind: 'finding', meaning: 'a part of the path is a file, not a folder'},
  PATH_TOO_LONG: {kind: 'finding', meaning: 'the path is too long'},
  PERMISSION_DENIED: {kind: 'finding', meaning: 'permission denied on a path synthnlu has to read or write'},
  PLUGIN_CONNECTOR_NOT_LOADED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'the connectors of plugin … were not loaded: …',
  },
  PLUGIN_SPEC_READER_NOT_LOADED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'the spec readers of plugin … were not loaded: …',
  },
  PORT_UNAVAILABLE: {
    kind: 'error',
    exit: 2,
    meaning: 'the bot cannot listen on the port (in use, or not allowed)',
  },
  PREDICT_NO_TEXT: {kind: 'error', exit: 2, meaning: 'No text to recognise'},
  PREDICT_TEXT_TOO_LONG: {kind: 'error', exit: 2, meaning: '… is … characters, over the … limit'},
  PULL_LANGUAGE_MISSING: {
    kind: 'error',
    exit: 2,
    meaning: 'pull --language names a language the remote does not hold; the message lists those it holds',
  },
  PULL_UNSUPPORTED: {
    kind: 'error',
    exit: 1,
    meaning: '… cannot report its training data, so it cannot be pulled',
  },
  PUSH_CANCELLED: {kind: 'error', exit: 1, meaning: 'push cancelled; nothing was changed'},
  PUSH_NEEDS_YES: {
    kind: 'error',
    exit: 2,
    meaning: 'push changes a live platform; confirm with --yes when not in an interactive terminal',
  },
  PUSH_NO_BACKUP: {kind: 'error', exit: 1, meaning: '…: no backup could be taken, so nothing is deleted'},
  RASA_BAD_ANNOTATION: {
    kind: 'error',
    exit: 2,
    meaning: 'a Rasa example has a malformed entity annotation ([text](entity) or {"entity": ...})',
  },
  RASA_BAD_JSON: {kind: 'error', exit: 2, meaning: 'a Rasa JSON training-data file is not valid JSON'},
  RASA_BAD_OFFSETS: {kind: 'error', exit: 2, meaning: 'entity offsets …-… are outside the example text'},
  RASA_BAD_YAML: {kind: 'error', exit: 2, meaning: 'a Rasa training-data file is not valid YAML'},
  RASA_BRACKETS_REWRITTEN: {
    kind: 'finding',
    meaning:
      'Rasa has no escape for brackets that read as entity markup: "[" and "]" were written as "(" and ")" in … example…: …',
  },
  RASA_DUPLICATE_KEY: {
    kind: 'error',
    exit: 2,
    meaning:
      'a Rasa file has the same key twice in one mapping (e.g. two nlu: blocks): the first would be dropped',
  },
  RASA_EMPTY_INTENTS_LEFT_OUT: {
    kind: 'finding',
    severity: 'info',
    meaning: 'rasa trains no intent without examples: … intent… with none … not written to nlu.yml: …',
  },
  RASA_EXAMPLE_WITHOUT_INTENT: {kind: 'finding', meaning: '… example… without an intent left out'},
  RASA_ITEMS_TRIMMED: {
    kind: 'finding',
    meaning: 'rasa … items are trimmed lines: … "…" loses the surrounding spaces of ……',
  },
  RASA_LOOKUP_FILE: {kind: 'finding', meaning: 'lookup table… … point to files that were not read'},
  RASA_MARKDOWN_OUTPUT: {kind: 'error', exit: 2, meaning: 'Rasa 3 no longer reads Markdown training data: …'},
  RASA_MARKDOWN_SINGLE_HASH: {
    kind: 'finding',
    meaning:
      'line… …: Rasa reads a section only after "##"; a "# intent:..." line is not a header, so (as in Rasa) the examples below it belong to the section be',
  },
  RASA_NESTED_DROPPED: {
    kind: 'finding',
    meaning: 'rasa cannot carry nested entity labels; children are left out',
  },
  RASA_NO_INTENTS: {kind: 'finding', meaning: 'no "## intent:" sections found'},
  RASA_NO_MODEL: {kind: 'error', exit: 1, meaning: 'Rasa trained but did not name the model file'},
  RASA_NO_MODEL_LOADED: {kind: 'error', exit: 1, meaning: 'the Rasa server at … has no model loaded'},
  RASA_NO_TOKEN: {kind: 'error', exit: 2, meaning: 'the environment variable … is not set'},
  RASA_NO_TRAINING_DATA: {kind: 'error', exit: 2, meaning: 'no Rasa NLU training data here'},
  RASA_OVERLAP_DROPPED: {
    kind: 'finding',
    meaning: 'rasa annotations cannot overlap; overlapping annotations are left out',
  },
  RASA_PREBUILT_AS_LEARNED: {
    kind: 'finding',
    meaning:
      'rasa has no system entities in training data (use Duckling or spaCy in config.yml): prebuilt entities are written as ordinary annotations',
  },
  RASA_SYNONYM_CONFLICT: {
    kind: 'finding',
    meaning:
      'Rasa maps each synonym to one value: "…" is a synonym of both …; Rasa keeps only the last one it reads',
  },
  RASA_TEXT_CHANGED: {
    kind: 'finding',
    meaning:
      'rasa examples are lines of a YAML block: line breaks and control characters were replaced by spaces',
  },
  RASA_TEXT_TRIMMED: {
    kind: 'finding',
    meaning: 'rasa trims examples: leading and trailing spaces were removed',
  },
  RASA_UNANNOTATED_ENTITIES: {
    kind: 'finding',
    meaning: 'Rasa knows an entity only from annotated examples: … entit… no example annotates (…',
  },
  RASA_UNREAD_MARKUP: {
    kind: 'finding',
    meaning:
      '"…" looks like entity markup that is not closed; Rasa reads it as plain text, and so does synthnlu',
  },
  RECOGNIZER_BAD_REGEX: {
    kind: 'error',
    exit: 2,
    meaning: "a regex entity's pattern does not compile for the recognizer",
  },
  RECOGNIZER_UNSUPPORTED_SYSTEM_ENTITY: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'System entity "…" (…) is not recognised locally; it will not be extracted',
  },
  REMOTE_AUTH: {kind: 'error', exit: 1, meaning: '… refused the credentials (…) for ……'},
  REMOTE_BAD_ENDPOINT: {kind: 'error', exit: 2, meaning: 'an endpoint flag or variable is not a URL'},
  REMOTE_FLAG_UNUSED: {kind: 'error', exit: 2, meaning: '--… applies only to an A/B run on …'},
  REMOTE_HTTP: {
    kind: 'error',
    exit: 1,
    meaning: 'the platform answered with an HTTP error that retries did not overcome',
  },
  REMOTE_INSECURE_ENDPOINT: {kind: 'error', exit: 2, meaning: '… must use https:// (got …//…)'},
  REMOTE_NETWORK: {
    kind: 'error',
    exit: 1,
    meaning:
      'a network error talking to the platform (connection reset, DNS...) that retries did not overcome',
  },
  REMOTE_NOT_FOUND: {
    kind: 'error',
    exit: 1,
    meaning: 'the platform does not have the project, agent or resource named (404)',
  },
  REMOTE_ONE_LANGUAGE: {
    kind: 'error',
    exit: 2,
    meaning:
      'the platform holds one language per target (a Rasa server) and the dataset holds several: push each with --language',
  },
  REMOTE_QUOTA_EXHAUSTED: {
    kind: 'error',
    exit: 1,
    meaning:
      '…: … failed with 429 and asks to wait until …, longer than --max-retry-time: the quota is used up…',
  },
  REMOTE_RESPONSE_TOO_LARGE: {
    kind: 'error',
    exit: 1,
    meaning: 'the platform sent a response over the size limit',
  },
  REMOTE_TIMEOUT: {
    kind: 'error',
    exit: 1,
    meaning: 'the platform did not answer completely within --request-timeout',
  },
  REMOTE_UNREACHABLE: {kind: 'error', exit: 1, meaning: 'nothing is listening at the platform endpoint'},
  SOURCE_NO_SUCH_FILE: {
    kind: 'error',
    exit: 2,
    meaning: 'a file the format needs is not inside the archive or folder',
  },
  SOURCE_SYMLINK: {kind: 'error', exit: 2, meaning: '"…" is a symbolic link; refusing to follow it'},
  SOURCE_TOO_LARGE: {kind: 'error', exit: 2, meaning: 'folder holds over … files'},
  SPEC_ALIAS_CYCLE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'aliases refer to each other in a circle: …',
  },
  SPEC_BAD_FORMAT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a spec value does not have the required form (e.g. a name pattern)',
  },
  SPEC_BAD_NAME: {
    kind: 'finding',
    severity: 'error',
    meaning: 'an intent or entity name in the spec is empty, too long or has characters names may not hold',
  },
  SPEC_BAD_REGEX: {
    kind: 'finding',
    severity: 'error',
    meaning: "a regex entity's pattern in the spec does not compile",
  },
  SPEC_CONTROL_CHARACTER: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a spec text holds a control character (NUL, a bidirectional override...)',
  },
  SPEC_DUPLICATE_ENTITY: {kind: 'finding', severity: 'error', meaning: 'entity "…" is defined twice'},
  SPEC_DUPLICATE_INTENT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'intent "…" is defined twice (first at intents[…])',
  },
  SPEC_EXAMPLE_IN_TWO_INTENTS: {
    kind: 'finding',
    severity: 'error',
    meaning: 'example "…" is also in intent "…" (intents[…].examples[…])',
  },
  SPEC_INTENT_MISSING_LANGUAGE: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'an intent has no examples in one of the declared languages',
  },
  SPEC_LANGUAGES_MISSING: {
    kind: 'finding',
    severity: 'error',
    meaning: 'examples are a map of languages but the spec declares no languages',
  },
  SPEC_LANGUAGE_CONFLICT: {
    kind: 'finding',
    severity: 'error',
    meaning: 'the spec language is not the first of its languages',
  },
  SPEC_LANGUAGE_WITHOUT_EXAMPLES: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a declared language has no example in any intent',
  },
  SPEC_LIST_WITHOUT_VALUES: {kind: 'finding', severity: 'error', meaning: 'list entity "…" has no values'},
  SPEC_NAME_WITH_SPACE: {
    kind: 'finding',
    meaning: 'intent name "…" contains a space; platforms use intent names as identifiers',
  },
  SPEC_NOT_A_MAPPING: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a spec must be a mapping with at least "intents:"',
  },
  SPEC_READER_TAKEN: {
    kind: 'error',
    exit: 2,
    meaning: 'a spec reader for … files is already registered (…), so … was not added',
  },
  SPEC_REGEX_MATCHES_NOTHING: {
    kind: 'finding',
    severity: 'error',
    meaning:
      'regex entity "…": the pattern /…/ matches no text, so {…} would be filled with nothing (a zero-length span)',
  },
  SPEC_REGEX_WITHOUT_PATTERN: {
    kind: 'finding',
    severity: 'error',
    meaning: 'regex entity "…" has no pattern',
  },
  SPEC_REPEATED_WORD_AT_SLOT: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'the value "…" of {…} repeats "…" next to the slot: generated text reads "…"',
  },
  SPEC_SYNONYM_CONFLICT: {
    kind: 'finding',
    severity: 'error',
    meaning: '"…" of entity "…" stands for two values: "…" and "…"',
  },
  SPEC_SYSTEM_WITHOUT_TYPE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'system entity "…" does not say which system type it is',
  },
  SPEC_UNKNOWN_ALIAS: {
    kind: 'finding',
    severity: 'error',
    meaning: '<…> refers to an alias that is not defined…',
  },
  SPEC_UNKNOWN_ENTITY: {
    kind: 'finding',
    severity: 'error',
    meaning: '{…} refers to an entity that is not defined…',
  },
  SPEC_UNKNOWN_LANGUAGE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'examples or synonyms are given for a language the spec does not declare in languages',
  },
  SPEC_UNQUOTED_COLON: {
    kind: 'finding',
    meaning: 'YAML read this item as a mapping because of the ": " in it ({…: ...}), not as text',
  },
  SPEC_WRONG_TYPE: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a spec value has the wrong type (a list where a mapping is expected...)',
  },
  TEMPLATE_SYNTAX: {
    kind: 'error',
    exit: 2,
    meaning: 'a template example ({slot}, <alias>, [optional], (a|b)) does not parse',
  },
  TEST_SET_BAD_CSV: {
    kind: 'error',
    exit: 2,
    meaning: 'the --test-set CSV does not parse (it needs a header row text,intent)',
  },
  TOO_MANY_OPEN_FILES: {kind: 'finding', meaning: 'too many open files'},
  UNKNOWN_FLAG: {
    kind: 'error',
    exit: 2,
    meaning: 'a flag the command does not take (the message suggests the nearest one)',
  },
  UNKNOWN_FORMAT: {
    kind: 'error',
    exit: 2,
    meaning: 'a format id no connector provides (the message lists them)',
  },
  UNKNOWN_INPUT_FORMAT: {kind: 'error', exit: 2, meaning: 'cannot tell which platform format this is'},
  UNKNOWN_REMOTE: {
    kind: 'error',
    exit: 2,
    meaning: 'a platform id no connector can push to, pull from or evaluate on',
  },
  WATSON_BAD_JSON: {kind: 'error', exit: 2, meaning: '… is not valid JSON: …'},
  WATSON_BAD_MENTION: {
    kind: 'error',
    exit: 2,
    meaning: '…: the mention of @… at […, …] is outside the example "…" (… characters)',
  },
  WATSON_COUNTEREXAMPLES_KEPT: {
    kind: 'finding',
    severity: 'info',
    meaning:
      '… has … counterexample… (inputs that match no intent): kept in metadata.watson and written back by a watson export; other formats have no place for them',
  },
  WATSON_ENTITY_RENAMED: {
    kind: 'finding',
    meaning:
      'watson entity names use Unicode letters, digits, "_" and "-" only (at most 64, sys- is for system entities); renamed …',
  },
  WATSON_EXAMPLES_DROPPED: {
    kind: 'finding',
    meaning: 'watson refuses empty examples and the same example twice in one intent; those are left out',
  },
  WATSON_INTENT_RENAMED: {
    kind: 'finding',
    meaning:
      'watson intent names use Unicode letters, digits, "_", "-" and "." only (at most 128, not starting with sys-); renamed …',
  },
  WATSON_INVALID: {kind: 'error', exit: 2, meaning: '… is not a valid watsonx Assistant skill: …'},
  WATSON_LANGUAGE_UNIVERSAL: {
    kind: 'finding',
    meaning:
      'watson has no language model for "…"; the skill is written with the universal language model (xx)',
  },
  WATSON_LIST_CHANGED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'a list entity value was changed to fit watsonx Assistant (length, characters)',
  },
  WATSON_NO_SYSTEM_ENTITY: {
    kind: 'finding',
    meaning:
      'watson has no system entity for …; written as contextual entities (learned from their annotations)',
  },
  WATSON_OVERLAPPING_SPANS: {
    kind: 'finding',
    meaning: 'watson mentions cannot overlap or be empty; such annotations are left out',
  },
  WATSON_PATTERN_DROPPED: {
    kind: 'finding',
    severity: 'warning',
    meaning: 'a pattern (regex) entity cannot be written to watsonx Assistant in this form and is left out',
  },
  WATSON_SPAN_VALUE_DROPPED: {
    kind: 'finding',
    meaning:
      'watson mentions name an entity, not a value; annotated values that are not a synonym of their text are lost (@…)',
  },
  WATSON_SYSTEM_ENTITY_ANNOTATED: {
    kind: 'finding',
    severity: 'info',
    meaning:
      'watson cannot annotate system entities in examples; the annotations of … are written as mentions of contextual entities of the same names, beside the system entities',
  },
  WATSON_TEXT_CHANGED: {
    kind: 'finding',
    meaning: 'watson examples cannot hold line breaks or tabs; they are written as spaces',
  },
  WATSON_TEXT_CUT: {
    kind: 'finding',
    meaning: '… is written without line breaks or tabs and cut to … characters, as watson requires',
  },
  YAML_ALIAS_BOMB: {kind: 'error', exit: 2, meaning: 'YAML aliases expand too much (an alias bomb)'},
  YAML_DUPLICATE_KEY: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a YAML mapping has the same key twice (YAML would silently keep only the last)',
  },
  YAML_INDENTATION: {
    kind: 'finding',
    severity: 'error',
    meaning: 'a YAML line is indented wrongly; the message names the line and the indentation it needs',
  },
  YAML_SYNTAX: {
    kind: 'error',
    exit: 2,
    meaning: 'the YAML does not parse; one error per mistake, at its line and column',
  },
  YAML_TOO_DEEP: {kind: 'error', exit: 2, meaning: 'a YAML input is nested more than 64 levels deep'},
  ZIP_CORRUPT: {kind: 'error', exit: 2, meaning: 'the archive is not a readable zip file'},
  ZIP_DUPLICATE_ENTRY: {kind: 'error', exit: 2, meaning: 'the archive holds the same file name twice'},
  ZIP_ENCRYPTED: {kind: 'error', exit: 2, meaning: 'the archive is encrypted'},
  ZIP_OVERLAPPING_ENTRIES: {
    kind: 'error',
    exit: 2,
    meaning: 'the archive has overlapping entries (a zip bomb shape)',
  },
  ZIP_SYMLINK: {kind: 'error', exit: 2, meaning: 'archive entry "…" is a symbolic link'},
  ZIP_TOO_LARGE: {kind: 'error', exit: 2, meaning: 'archive inflates past the … limit (at "…")'},
  ZIP_TOO_MANY_ENTRIES: {
    kind: 'error',
    exit: 2,
    meaning: 'the archive has more entries than any platform export holds',
  },
  ZIP_UNSAFE_PATH: {
    kind: 'error',
    exit: 2,
    meaning: 'archive entry "…" points outside the archive (absolute path or "..")',
  },
  ZIP_UNSUPPORTED: {
    kind: 'error',
    exit: 2,
    meaning: 'the archive uses a zip feature synthnlu does not read (ZIP64, an unknown compression method)',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The catalog entry of a code, or undefined for a code of a family or of a plugin's connector. */
export function errorCodeEntry(code: string): ErrorCodeEntry | undefined {
  return Object.hasOwn(ERROR_CODES, code) ? ERROR_CODES[code as ErrorCode] : undefined;
}
