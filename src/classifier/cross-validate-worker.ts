/** Worker thread for executeRuns: receives the examples once, then one train/test run per message. */
import {parentPort, workerData} from 'node:worker_threads';
import {executeRun, type TrainTestRun} from './cross-validate.js';

const {texts, intents, seed} = workerData as {texts: string[]; intents: string[]; seed: number};
const examples = texts.map((text, i) => ({text, intent: intents[i]!}));
parentPort!.on('message', (run: TrainTestRun) => parentPort!.postMessage(executeRun(examples, run, seed)));
