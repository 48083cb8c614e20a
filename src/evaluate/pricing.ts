/**
 * What a run's requests would cost, for `evaluate --dry-run`, from the per-request prices platforms publish.
 * Only prices read on the platform's own pricing page are listed, with the page and the day it was read;
 * a platform whose price could not be verified says so instead of guessing. Trainings are not priced: CX, ES
 * and Lex do not bill training separately, and CLU's standard training is billed by the hour, not per run.
 */
export interface PublishedPrice {
  /** US dollars per text recognize request. */
  perRequestUsd: number;
  source: string;
  /** The day the price was read (ISO date). */
  read: string;
  what: string;
}

/** Prices by platform id. Missing: no published price was found (or, for rasa and local, none exists). */
export const PUBLISHED_PRICES: Readonly<Record<string, PublishedPrice>> = {
  'dialogflow-cx': {
    perRequestUsd: 0.007,
    source: 'https://cloud.google.com/dialogflow/pricing',
    read: '2026-12-08',
    what: 'Conversational Agents (Dialogflow CX) text request, flows',
  },
};

export type CostEstimate =
  | {requests: number; usd: number; perRequestUsd: number; source: string; read: string; what: string}
  | {requests: number; note: string};

/** The estimate for `requests` recognize requests on `platform`. */
export function costEstimate(platform: string, requests: number): CostEstimate {
  if (platform === 'local') return {requests, note: 'free: the bundled classifier, no platform requests'};
  if (platform === 'rasa')
    return {requests, note: 'no per-request price: Rasa open source runs on your own server'};
  const price = PUBLISHED_PRICES[platform];
  if (!price) return {requests, note: 'no published price found'};
  return {
    requests,
    usd: Math.round(requests * price.perRequestUsd * 10000) / 10000,
    perRequestUsd: price.perRequestUsd,
    source: price.source,
    read: price.read,
    what: price.what,
  };
}

/** One line for the terminal. */
export function costLine(cost: CostEstimate): string {
  if ('note' in cost) return `cost: ${cost.note}`;
  return `cost: about $${cost.usd.toFixed(2)} (${cost.requests} × $${cost.perRequestUsd} per ${cost.what}; ${cost.source}, read ${cost.read}; before any free tier or credit)`;
}
