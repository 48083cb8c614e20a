import type {Connector} from '../src/connector-kit.js';
import {botframeworkConnector} from './botframework/index.js';
import {dialogflowConnector, dialogflowCxConnector} from './dialogflow/index.js';
import {lexConnector} from './lex/index.js';
import {rasaConnector} from './rasa/index.js';
import {watsonConnector} from './watson/index.js';

/**
 * Built-in connectors. A new platform is a folder here plus one line in this list; one folder may hold several
 * connectors of one platform family that share code (dialogflow/: Dialogflow ES and CX).
 */
export const builtinConnectors: Connector[] = [
  dialogflowConnector,
  dialogflowCxConnector,
  botframeworkConnector,
  rasaConnector,
  watsonConnector,
  lexConnector,
];
