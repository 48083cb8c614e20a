/**
 * Push/pull contract for live platforms (see the push issue). Kept separate from file import/export so a
 * connector without an API simply leaves `remote` out.
 */
export interface RemoteConnector {
  /** The value of --to for push and --from for pull: dialogflow, clu, rasa. */
  id: string;
  description: string;
}
