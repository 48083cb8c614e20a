/** Records which sources `dist/` was built from (see source-fingerprint.ts). Run by `npm run build`, last. */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {FINGERPRINT_FILE, sourceFingerprint} from './source-fingerprint.js';

const root = fileURLToPath(new URL('..', import.meta.url));
writeFileSync(join(root, FINGERPRINT_FILE), `${sourceFingerprint(root)}\n`);
