/**
 * Reads the SNIPS 2017 benchmark (../shared/data/snips): per intent, train_<Intent>.json (the seed pool) and
 * validate_<Intent>.json (the test split). Files are decoded leniently: one upstream file has CESU-8 bytes.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export interface SnipsUtterance {
  text: string;
  intent: string;
}

interface SnipsFile {
  [intent: string]: Array<{data: Array<{text: string; entity?: string}>}>;
}

const lenient = new TextDecoder('utf-8', {fatal: false});

function readSnipsFile(path: string): SnipsUtterance[] {
  const json = JSON.parse(lenient.decode(readFileSync(path))) as SnipsFile;
  const out: SnipsUtterance[] = [];
  for (const [intent, rows] of Object.entries(json)) {
    for (const row of rows)
      out.push({
        intent,
        text: row.data
          .map((chunk) => chunk.text)
          .join('')
          .trim(),
      });
  }
  return out;
}

export function loadSnips(directory: string): {train: SnipsUtterance[]; validate: SnipsUtterance[]} {
  const train: SnipsUtterance[] = [];
  const validate: SnipsUtterance[] = [];
  for (const intent of readdirSync(directory, {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    train.push(...readSnipsFile(join(directory, intent, `train_${intent}.json`)));
    validate.push(...readSnipsFile(join(directory, intent, `validate_${intent}.json`)));
  }
  return {train, validate};
}
