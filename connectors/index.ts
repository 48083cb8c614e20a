import type {Connector} from '../src/connector-kit.js';
import {botframeworkConnector} from './botframework/index.js';
import {dialogflowConnector} from './dialogflow/index.js';
import {dialogflowCxConnector} from './dialogflow-cx/index.js';
import {lexConnector} from './lex/index.js';
import {rasaConnector} from './rasa/index.js';
import {watsonConnector} from './watson/index.js';

/** Built-in connectors. A new platform is a folder here plus one line in this list. */
export const builtinConnectors: Connector[] = [
  dialogflowConnector,
  dialogflowCxConnector,
  botframeworkConnector,
  rasaConnector,
  watsonConnector,
  lexConnector,
];
