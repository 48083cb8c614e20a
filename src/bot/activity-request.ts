/**
 * What `synthnlu bot` accepts at POST /api/messages, whichever SDK serves it: a JSON Bot Framework activity with
 * the fields a reply needs. Anything else is refused here with a 4xx and one line saying what is wrong, before an
 * SDK sees it (botbuilder answered `{"type":"message","text":"hi"}` with a 500 and a stack trace on stderr).
 */

/** Bot Framework activities are small; anything bigger is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Activities nest a few levels (attachments, card JSON, channelData); far deeper is hostile, not a message. */
export const MAX_JSON_DEPTH = 64;

export type ActivityBody = Record<string, unknown>;

export type ParsedActivity = {ok: true; activity: ActivityBody} | {ok: false; status: number; reason: string};

const CURL_HINT = 'see "Try it locally" in the README for a curl example';

function refuse(reason: string, status = 400): ParsedActivity {
  return {ok: false, status, reason};
}

/** `application/json` or any `+json` type, with or without parameters such as charset. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const type = header.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** The deepest nesting of arrays and objects in a parsed JSON value, walked without recursion. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{value: unknown; depth: number}> = [{value, depth: 0}];
  while (stack.length > 0) {
    const {value: current, depth} = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current))
      if (typeof child === 'object' && child !== null) stack.push({value: child, depth: depth + 1});
  }
  return false;
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function idOf(activity: ActivityBody, field: string): unknown {
  const holder = activity[field];
  return typeof holder === 'object' && holder !== null ? (holder as {id?: unknown}).id : undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const ACCOUNT_STRINGS = ['id', 'name', 'role', 'aadObjectId', 'conversationType', 'tenantId'];

/** A mistyped field of `from`, `recipient` or `conversation` (an SDK fails on it only when it writes the reply). */
function mistypedAccountField(activity: ActivityBody): string | undefined {
  for (const field of ['from', 'recipient', 'conversation']) {
    const account = activity[field];
    if (account === undefined) continue;
    if (typeof account !== 'object' || account === null || Array.isArray(account))
      return `"${field}" must be an object with an "id"`;
    for (const key of ACCOUNT_STRINGS) {
      const value = (account as Record<string, unknown>)[key];
      if (value !== undefined && typeof value !== 'string') return `"${field}.${key}" must be a string`;
    }
  }
  return undefined;
}

/** The fields every channel sends and a reply needs; all missing ones are named at once. */
function missingFields(activity: ActivityBody): string[] {
  const missing: string[] = [];
  if (!nonEmptyString(activity.channelId)) missing.push('"channelId"');
  for (const field of ['from', 'recipient', 'conversation'])
    if (!nonEmptyString(idOf(activity, field))) missing.push(`"${field}.id"`);
  if (activity.deliveryMode !== 'expectReplies' && !nonEmptyString(activity.serviceUrl))
    missing.push(
      '"serviceUrl" (where the reply is posted; or set "deliveryMode": "expectReplies" to get the reply in this response)',
    );
  return missing;
}

/**
 * Checks a request to the messages endpoint: its content type, its body as JSON, and the activity's shape.
 * `bodyText` is the whole body (at most MAX_BODY_BYTES, read by the caller).
 */
export function parseActivityRequest(contentType: string | undefined, bodyText: string): ParsedActivity {
  if (!isJsonContentType(contentType))
    return refuse(
      `Expected Content-Type: application/json, got ${contentType === undefined ? 'none' : JSON.stringify(contentType)} (curl: add -H 'Content-Type: application/json').`,
    );
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (error) {
    return refuse(`The body is not JSON (${(error as Error).message}).`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(
      `Expected a Bot Framework activity as a JSON object, got ${Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body}.`,
    );
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH))
    return refuse(`The activity is nested more than ${MAX_JSON_DEPTH} levels deep; no channel sends that.`);
  const activity = body as ActivityBody;
  if (!nonEmptyString(activity.type))
    return refuse(`Expected a Bot Framework activity: "type" is missing (e.g. "message"); ${CURL_HINT}.`);
  if (activity.text !== undefined && typeof activity.text !== 'string')
    return refuse(
      `"text" must be a string, got ${Array.isArray(activity.text) ? 'an array' : typeof activity.text}.`,
    );
  const mistyped = mistypedAccountField(activity);
  if (mistyped !== undefined) return refuse(`Not a valid Bot Framework activity: ${mistyped}.`);
  for (const field of ['channelId', 'serviceUrl', 'deliveryMode', 'id'])
    if (activity[field] !== undefined && typeof activity[field] !== 'string')
      return refuse(`Not a valid Bot Framework activity: "${field}" must be a string.`);
  const missing = missingFields(activity);
  if (missing.length > 0)
    return refuse(`Not a complete Bot Framework activity: missing ${missing.join(', ')}; ${CURL_HINT}.`);
  if (typeof activity.serviceUrl === 'string' && !isHttpUrl(activity.serviceUrl))
    return refuse(
      `"serviceUrl" must be an http or https URL, got ${JSON.stringify(activity.serviceUrl.slice(0, 80))}.`,
    );
  return {ok: true, activity};
}
