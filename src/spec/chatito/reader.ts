import type {SpecReader} from '../spec-reader.js';
import {readChatito} from './parse.js';
import {chatitoToSpec} from './to-spec.js';

/** .chatito files read as specs (errors carry the file and line of the Chatito source). */
export const chatitoReader: SpecReader = {
  extensions: ['.chatito'],
  description: 'Chatito DSL (intents, slots, aliases, training/testing counts)',
  async read(text, file) {
    const document = await readChatito(text, file);
    return {value: chatitoToSpec(document)};
  },
};
