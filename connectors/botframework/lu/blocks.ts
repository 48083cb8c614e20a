/** The block a .lu line opens: it decides what the `- item` lines under it mean. */
import type {LuisChildEntity} from '../luis/types.js';

export type Block =
  | {kind: 'intent'; name: string}
  | {kind: 'skip'}
  | {kind: 'list'; name: string; canonical?: string; legacy?: boolean}
  | {kind: 'phraselist'; name: string; mode: boolean}
  | {kind: 'ml'; stack: Array<{indent: number; children: LuisChildEntity[]}>}
  | {kind: 'none'};

export const NO_BLOCK: Block = {kind: 'none'};
