/**
 * Span-preserving text edits: the one way every variation family changes an utterance. An edit replaces a
 * range of the text; spans after it shift, spans before it stay, and an edit that would cut into or rewrite an
 * entity is refused (the whole batch returns undefined) so no family can silently break an annotation.
 */
import type {EntitySpan} from '../../model/dataset.js';
import type {AnnotatedText} from './types.js';

export interface TextEdit {
  start: number;
  /** Exclusive; equal to start for an insertion. */
  end: number;
  replacement: string;
}

/**
 * May this edit be applied without touching entity text? Inserting exactly at an entity boundary is allowed
 * (the text lands outside the entity); replacing or deleting any character inside an entity is not.
 */
export function editTouchesEntity(entities: readonly EntitySpan[], start: number, end: number): boolean {
  for (const span of entities) {
    if (start === end) {
      if (start > span.start && start < span.end) return true;
    } else if (start < span.end && end > span.start) {
      return true;
    }
  }
  return false;
}

/**
 * Applies non-overlapping edits (any order) and shifts spans. Returns undefined when an edit touches an entity
 * or two edits overlap. An insertion at an entity's start goes before it, at its end after it.
 */
export function applyEdits(input: AnnotatedText, edits: readonly TextEdit[]): AnnotatedText | undefined {
  if (edits.length === 0) return input;
  // Families mostly list their edits in text order already: a copy to sort only when they are not.
  const sorted = inTextOrder(edits) ? edits : [...edits].sort(byPosition);
  let previousEnd = -1;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > input.text.length) return undefined;
    if (edit.start < previousEnd) return undefined;
    if (editTouchesEntity(input.entities, edit.start, edit.end)) return undefined;
    previousEnd = edit.end;
  }
  let text = '';
  let cursor = 0;
  for (const edit of sorted) {
    text += input.text.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  text += input.text.slice(cursor);
  // A span moves by the net length change of every edit that ends at or before its start.
  const entities: EntitySpan[] = [];
  for (const span of input.entities) {
    let shift = 0;
    for (const edit of sorted) {
      if (edit.end <= span.start) shift += edit.replacement.length - (edit.end - edit.start);
    }
    entities.push(shift === 0 ? span : spanAt(span, span.start + shift, span.end + shift));
  }
  // Other fields (framedBy) describe the utterance, not its characters: they carry over. Set one by one, as a
  // spread of the input is measurably slower on this hot path.
  const output: AnnotatedText = {text, entities};
  if (input.framedBy !== undefined) output.framedBy = input.framedBy;
  return output;
}

/**
 * The span with other offsets (its children as they were), built field by field in the dataset's order: a
 * spread copy took a new hidden class at each site that made one, and span reads across the pipeline went
 * megamorphic (10 classes for three fields).
 */
export function spanAt(span: EntitySpan, start: number, end: number): EntitySpan {
  const moved: EntitySpan = {entity: span.entity, start, end};
  if (span.value !== undefined) moved.value = span.value;
  if (span.role !== undefined) moved.role = span.role;
  if (span.group !== undefined) moved.group = span.group;
  if (span.children !== undefined) moved.children = span.children;
  return moved;
}

function byPosition(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || a.end - b.end;
}

/** Already sorted as byPosition sorts them (sort is stable, so the sorted copy would be the same list). */
function inTextOrder(edits: readonly TextEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (byPosition(edits[i - 1]!, edits[i]!) > 0) return false;
  return true;
}

export function replaceRange(
  input: AnnotatedText,
  start: number,
  end: number,
  replacement: string,
): AnnotatedText | undefined {
  return applyEdits(input, [{start, end, replacement}]);
}

export function insertAt(
  input: AnnotatedText,
  position: number,
  insertion: string,
): AnnotatedText | undefined {
  return applyEdits(input, [{start: position, end: position, replacement: insertion}]);
}

/**
 * Collapses runs of spaces and trims, as a span-preserving edit (families that delete words leave double spaces).
 * Whitespace inside entities is left alone.
 */
export function tidySpaces(input: AnnotatedText): AnnotatedText {
  const edits: TextEdit[] = [];
  const pattern = /\s{2,}|^\s+|\s+$|\s+(?=[,.?!])/g;
  for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (editTouchesEntity(input.entities, start, end)) continue;
    const atEdge = start === 0 || end === input.text.length || /[,.?!]/.test(input.text[end] ?? '');
    edits.push({start, end, replacement: atEdge ? '' : ' '});
  }
  return applyEdits(input, edits) ?? input;
}
