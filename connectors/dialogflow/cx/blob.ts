import {type ImportSource, SynthnluError} from '../../../src/connector-kit.js';

const AGENT_NAME = /projects\/[^/\s]+\/locations\/[^/\s]+\/agents\/[0-9a-f-]{8,}/;

/**
 * Whether the source is a CX "BLOB" export: the agent as raw protobuf bytes (what AgentsClient.exportAgent
 * returns with dataFormat BLOB, and the console's "Raw" export), not the JSON package. It starts with field 1
 * (a length-delimited string, tag 0x0a) holding the agent's resource name.
 */
export async function isCxBlobExport(source: ImportSource): Promise<boolean> {
  if (source.kind !== 'file') return false;
  const bytes = await source.readBytes(source.list()[0]!);
  if (bytes[0] !== 0x0a) return false;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  return AGENT_NAME.test(head);
}

export function blobExportError(path: string): SynthnluError {
  return new SynthnluError(
    'DIALOGFLOW_CX_BLOB_EXPORT',
    'this is a Dialogflow CX BLOB export (the agent as raw protobuf bytes); synthnlu reads the JSON package export',
    {
      location: {file: path},
      suggestion:
        'Export the agent again with data format "JSON package" (console: Agent settings > Export; API: exportAgent with dataFormat JSON_PACKAGE), then import that zip.',
    },
  );
}
