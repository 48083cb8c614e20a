import {agentJsonReader, parseAgentJson, type AgentJsonStyle} from '../shared/read-json.js';

const CX_JSON: AgentJsonStyle = {
  code: 'DIALOGFLOW_CX_BAD_JSON',
  suggestion:
    'Re-export the agent from the Dialogflow CX console (data format: JSON package), or fix the JSON syntax.',
};

/** Parses one JSON file of an agent package; a syntax error names the file, line and column. */
export function parseCxJson(text: string, file: string): unknown {
  return parseAgentJson(text, file, CX_JSON);
}

/** Reads, parses and schema-checks one JSON file of a CX package; problems name the file and the JSON path. */
export const readCxJson = agentJsonReader(CX_JSON);
