/**
 * A local Rasa open source server for tests: the HTTP API push and evaluate use (GET /status, POST /model/train,
 * PUT /model, POST /model/parse), answering from a real recognizer (synthnlu's own classifier) trained on the
 * YAML it was sent, so better training data scores better; entities come from a gazetteer of the annotated
 * training spans (test/support/gazetteer.ts). It refuses what Rasa refuses: a parse with no model
 * loaded (409), a wrong token (401), an unknown model file (404), and training data Rasa's
 * `_validate_yaml_training_payload` refuses (400, see refuseTrainingPayload). Each trained model keeps the YAML it
 * was trained on (`trainingData`), so tests check what the server got. Faults are injected per request: 429 with
 * Retry-After, a dropped connection, a 429 that asks to come back tomorrow (a quota exhausted for the day).
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {parse, parseDocument} from 'yaml';
import {trainIntentClassifier, type IntentClassifier} from '../../../src/classifier/index.js';
import {Gazetteer, type AnnotatedExample} from '../gazetteer.js';

export type RasaFault = {kind: 'rate-limit'; retryAfter: string} | {kind: 'drop'} | {kind: 'day-quota'};

const ANNOTATION = /\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})/g;

/** The training examples of a Rasa YAML training document (annotations reduced to their text). */
export function rasaExamples(yaml: string): {text: string; intent: string}[] {
  const doc = parse(yaml) as {nlu?: {intent?: string; examples?: string}[]};
  return (doc.nlu ?? []).flatMap((item) =>
    item.intent && item.examples
      ? item.examples
          .split('\n')
          .map((line) => line.replace(/^\s*-\s*/, '').trim())
          .filter(Boolean)
          .map((text) => ({text: text.replace(ANNOTATION, '$1'), intent: item.intent!}))
      : [],
  );
}

/** The annotated examples of a Rasa training YAML: `[text](entity)` and `[text]{"entity": ...}` spans. */
export function rasaAnnotatedExamples(yaml: string): AnnotatedExample[] {
  const doc = parse(yaml) as {nlu?: {intent?: string; examples?: string}[]};
  // Only intent examples carry annotations: a regex item's examples are patterns ("[0-9]{6}").
  return (doc.nlu ?? []).flatMap((item) =>
    (item.intent ? (item.examples ?? '') : '')
      .split('\n')
      .map((line) => line.replace(/^\s*-\s*/, '').trim())
      .filter(Boolean)
      .map((line) => {
        const entities: AnnotatedExample['entities'] = [];
        let text = '';
        let last = 0;
        for (const match of line.matchAll(ANNOTATION_PARTS)) {
          text += line.slice(last, match.index);
          const meta = match[2] ?? '';
          const entity = meta.startsWith('{')
            ? String((JSON.parse(meta) as {entity?: string}).entity ?? '')
            : meta.slice(1, -1);
          entities.push({entity, start: text.length, end: text.length + match[1]!.length});
          text += match[1]!;
          last = match.index + match[0].length;
        }
        return {text: text + line.slice(last), entities};
      }),
  );
}

const ANNOTATION_PARTS = /\[([^\]]+)\](\([^)]*\)|\{[^}]*\})/g;

export class RasaTestServer {
  readonly models = new Map<string, IntentClassifier>();
  readonly extractors = new Map<string, Gazetteer>();
  /** The training YAML each model was trained on, by model file. */
  readonly trainingData = new Map<string, string>();
  loaded: string | undefined;
  /** Requests per "METHOD path". */
  readonly calls = new Map<string, number>();
  /** Faults for the next /model/parse requests, in order. */
  readonly parseFaults: (RasaFault | null)[] = [];
  /** Below this confidence the answer is nlu_fallback (Rasa's FallbackClassifier), when set. */
  fallbackThreshold: number | undefined;
  private constructor(
    private readonly server: Server,
    readonly token: string | undefined,
  ) {}

  static async start(options: {token?: string} = {}): Promise<RasaTestServer> {
    const holder: {instance?: RasaTestServer} = {};
    const server = createServer((req, res) => void holder.instance!.handle(req, res));
    const instance = (holder.instance = new RasaTestServer(server, options.token));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  count(key: string): number {
    return this.calls.get(key) ?? 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = `${req.method} ${url.pathname}`;
    this.calls.set(key, this.count(key) + 1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {'Content-Type': 'application/json', ...headers});
      res.end(JSON.stringify(value));
    };
    if (this.token !== undefined && url.searchParams.get('token') !== this.token)
      return json(401, {
        status: 'failure',
        reason: 'NotAuthenticated',
        message: 'User is not authenticated.',
      });
    if (key === 'GET /status')
      return json(200, {
        model_file: this.loaded ?? null,
        model_id: this.loaded ?? null,
        num_active_training_jobs: 0,
      });
    if (key === 'POST /model/train') {
      const refused = refuseTrainingPayload(body, req.headers['content-type']);
      if (refused)
        return json(400, {
          version: '3.6.0',
          status: 'failure',
          reason: 'BadRequest',
          message: refused,
          code: 400,
        });
      const examples = rasaExamples(body);
      if (new Set(examples.map((e) => e.intent)).size < 2)
        return json(400, {status: 'failure', reason: 'TrainingError', message: 'need at least two intents'});
      const name = `${this.models.size + 1}-model.tar.gz`;
      this.models.set(`models/${name}`, trainIntentClassifier(examples, {seed: 1}));
      this.extractors.set(`models/${name}`, new Gazetteer(rasaAnnotatedExamples(body)));
      this.trainingData.set(`models/${name}`, body);
      res.writeHead(200, {'Content-Type': 'application/octet-stream', filename: name});
      res.end('tar');
      return;
    }
    if (key === 'PUT /model') {
      const file = (JSON.parse(body || '{}') as {model_file?: string}).model_file;
      if (!file || !this.models.has(file))
        return json(400, {
          status: 'failure',
          reason: 'BadRequest',
          message: `Agent with name '${file}' could not be loaded.`,
        });
      this.loaded = file;
      res.writeHead(204).end();
      return;
    }
    if (key === 'DELETE /model') {
      this.loaded = undefined;
      res.writeHead(204).end();
      return;
    }
    if (key === 'POST /model/parse') {
      const fault = this.parseFaults.shift();
      if (fault?.kind === 'drop') return void req.socket.destroy();
      if (fault?.kind === 'rate-limit')
        return json(
          429,
          {status: 'failure', message: 'Too Many Requests'},
          {'Retry-After': fault.retryAfter},
        );
      if (fault?.kind === 'day-quota') {
        this.parseFaults.unshift(fault);
        return json(
          429,
          {status: 'failure', message: 'daily request quota exceeded'},
          {'Retry-After': '86400'},
        );
      }
      const model = this.loaded ? this.models.get(this.loaded) : undefined;
      if (!model)
        return json(409, {
          version: '3.6.0',
          status: 'failure',
          reason: 'Conflict',
          message: 'No agent loaded. To continue processing, a model of a trained agent needs to be loaded.',
          code: 409,
        });
      const text = (JSON.parse(body || '{}') as {text?: string}).text ?? '';
      const prediction = model.predict(text);
      const fallback = this.fallbackThreshold !== undefined && prediction.score < this.fallbackThreshold;
      const intent = fallback
        ? {name: 'nlu_fallback', confidence: this.fallbackThreshold}
        : {name: prediction.intent, confidence: prediction.score};
      return json(200, {
        text,
        intent,
        entities: this.extractors
          .get(this.loaded!)!
          .extract(text)
          .map((e) => ({...e, extractor: 'RegexEntityExtractor'})),
        intent_ranking: prediction.scores.slice(0, 10).map((s) => ({name: s.intent, confidence: s.score})),
      });
    }
    json(404, {status: 'failure', reason: 'NotFound', message: `${key} not found`});
  }
}

/** Rasa's YAML_CONTENT_TYPE: POST /model/train reads any other body as (deprecated) JSON training data. */
const YAML_CONTENT_TYPE = 'application/x-yaml';
const NLU_KEYS = ['intent', 'synonym', 'regex', 'lookup'];

/**
 * What Rasa Open Source 3.x refuses of POST /model/train (rasa/server.py: `validate_request_body` "You must
 * provide training data in the request body in order to train your model", then `_training_payload_from_yaml` →
 * `_validate_yaml_training_payload`, 400 BadRequest "The request body does not contain valid YAML"; HTTP API
 * https://rasa.com/docs/rasa/pages/http-api#operation/trainModel, requestBody application/x-yaml):
 * - an empty body; a body sent as another content type is parsed as JSON training data, which YAML is not;
 * - YAML that does not parse, or repeats a key (ruamel's DuplicateKeyError);
 * - what RasaYAMLReader.validate checks against the NLU schema
 *   (https://rasa.com/docs/rasa/training-data-format#top-level-keys, #nlu-training-data): a mapping at the top,
 *   `version` a string ("version: \"3.1\"", a bare 3.1 is a float), `nlu` a list whose items each name one of
 *   intent/synonym/regex/lookup as a string and give their `examples` as one string (the `|` block).
 */
export function refuseTrainingPayload(body: string, contentType: string | undefined): string | undefined {
  if (!body.trim()) return 'You must provide training data in the request body in order to train your model.';
  if ((contentType ?? '').split(';')[0]!.trim().toLowerCase() !== YAML_CONTENT_TYPE)
    return `The request body is not JSON training data (send YAML as Content-Type: ${YAML_CONTENT_TYPE}).`;
  const document = parseDocument(body, {uniqueKeys: true});
  if (document.errors.length > 0)
    return `The request body does not contain valid YAML. Error: ${document.errors[0]!.message}`;
  const data = document.toJS() as unknown;
  const invalid = (problem: string) => `The request body does not contain valid YAML. Error: ${problem}`;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return invalid('the training data must be a mapping of top-level keys.');
  const {version, nlu} = data as {version?: unknown; nlu?: unknown};
  if (version !== undefined && typeof version !== 'string')
    return invalid(`version must be a string, e.g. version: "3.1" (got ${JSON.stringify(version)}).`);
  if (nlu === undefined) return undefined;
  if (!Array.isArray(nlu)) return invalid('nlu must be a list.');
  for (const [index, item] of (nlu as unknown[]).entries()) {
    const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const kinds = NLU_KEYS.filter((k) => k in entry);
    if (kinds.length !== 1 || typeof entry[kinds[0]!] !== 'string')
      return invalid(`nlu[${index}] must name one of ${NLU_KEYS.join(', ')} as a string.`);
    if (typeof entry.examples !== 'string')
      return invalid(
        `nlu[${index}] (${kinds[0]} ${String(entry[kinds[0]!])}): examples must be one string (a | block).`,
      );
  }
  return undefined;
}
