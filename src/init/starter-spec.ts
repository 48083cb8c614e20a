import type {ConnectorFormat} from '../connector.js';
import {registry} from '../registry.js';
import {STARTER_SPEC_BODIES} from './starter-spec-languages.js';

/** The export line names the formats the registry knows, with the first one as the example. */
function exportHint(formats: readonly ConnectorFormat[]): string {
  const [first, ...others] = formats;
  if (!first) return '# Export:    synthnlu export out/data.jsonl --to FORMAT --out FILE';
  const out = `out/${first.id}${first.layout === 'archive' ? '.zip' : (first.extensions[0] ?? '')}`;
  const alternatives = others.length > 0 ? `   (or ${others.map((f) => f.id).join(', ')})` : '';
  return `# Export:    synthnlu export out/data.jsonl --to ${first.id} --out ${out}${alternatives}`;
}

/** The commented starter spec `synthnlu init` writes: short enough to read, complete enough to copy from. */
export const STARTER_SPEC = `# synthnlu spec: describe your intents and entities; synthnlu generates varied, annotated training data.
# Validate:  synthnlu validate synthnlu.yaml
# Generate:  synthnlu generate synthnlu.yaml --out out/data.jsonl --per-intent 50 --seed 1
${exportHint(registry.formats())}
language: en
name: my-assistant

# Settings for every intent (each intent may override them).
defaults:
  count: 50 # utterances per intent, seeds included
  split: 0.8 # share for training; the rest is held out for testing
  variations: # at most this share of the generated utterances per family; together they should reach 1 to fill the count
    polite: 0.4
    colloquial: 0.4
    typos: 0.2

# Named alternatives, used as <name> inside examples.
aliases:
  order_word:
    - order
    - purchase
    - text: package
      weight: 0.5 # chosen half as often

entities:
  # A list entity: canonical values and the synonyms users say.
  - name: account_type
    type: list
    values:
      - value: premium
        synonyms: [gold, pro]
      - value: standard
        synonyms: [basic, free]
  # A regex entity: values are generated from the pattern.
  - name: order_id
    type: regex
    pattern: '[0-9]{6}'

# Template syntax in examples: (a|b) alternatives, [optional] words, {entity} slots, <alias> references.
intents:
  - name: track_order
    examples:
      - where is my <order_word> {order_id}
      - (track|trace) my [recent] <order_word>
      - has my order shipped yet

  - name: cancel_order
    examples:
      - I want to cancel my <order_word> {order_id}
      - how do I cancel the purchase I made
      - (cancel|call off) order {order_id}

  - name: upgrade_account
    examples:
      - upgrade my account to {account_type}
      - I'd like a {account_type} account
      - how can I switch to the {account_type} plan
`;

/** The languages `init --language` writes a starter spec in. */
export const STARTER_LANGUAGES = ['en', ...Object.keys(STARTER_SPEC_BODIES)] as const;

/** The starter spec in one of STARTER_LANGUAGES (English for en). */
export function starterSpec(language = 'en'): string {
  const spec = STARTER_SPEC_BODIES[language];
  if (!spec) return STARTER_SPEC;
  return `${spec.header}\n${exportHint(registry.formats())}\n${spec.body}`;
}
