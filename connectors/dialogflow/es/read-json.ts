import {agentJsonReader} from '../shared/read-json.js';

/** Reads, parses and schema-checks one JSON file of an ES agent; problems name the file and the JSON path. */
export const readAgentJson = agentJsonReader({
  code: 'DIALOGFLOW_BAD_JSON',
  suggestion: 'Re-export the agent from the Dialogflow console, or fix the JSON syntax.',
});
