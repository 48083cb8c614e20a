// @microsoft/bf-lu ships no types; tests use it only as an independent .lu parser.
declare module '@microsoft/bf-lu' {
  interface ParsedLuis {
    intents: Array<{name: string}>;
    utterances: Array<{
      text: string;
      intent: string;
      entities: Array<{entity: string; startPos: number; endPos: number; role?: string}>;
    }>;
    entities: Array<{name: string}>;
    closedLists: Array<{name: string; subLists: Array<{canonicalForm: string; list: string[]}>}>;
    regex_entities: Array<{name: string; regexPattern: string}>;
    prebuiltEntities: Array<{name: string}>;
    [key: string]: unknown;
  }
  const bflu: {V2: {LuisBuilder: {fromLUAsync(text: string): Promise<ParsedLuis>}}};
  export default bflu;
}
