// The part of madge's API test/package/import-graph.test.ts uses (madge ships no types).
declare module 'madge' {
  interface MadgeConfig {
    baseDir?: string;
    fileExtensions?: string[];
    tsConfig?: string;
    detectiveOptions?: Record<string, Record<string, unknown>>;
  }
  interface MadgeResult {
    /** Every file (relative to baseDir) and the files it imports, type-only and dynamic imports included. */
    obj(): Record<string, string[]>;
    /** Each import circle as the files along it. */
    circular(): string[][];
  }
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
