/**
 * What ES and CX share about agents in several languages: both keep one entries list per language under the
 * default language's reference values, so a list entity's forms in another language are linked the same way.
 */
import {linkLanguageForms} from '../../../src/connector-kit.js';
import type {ConnectorContext, Entity} from '../../../src/connector-kit.js';

type EntriesByLanguage = Parameters<typeof linkLanguageForms>[1];

/** How one edition names what it warns about. */
export interface LanguageEntriesWarning {
  code: string;
  /** "entity" (ES) or "entity type" (CX). */
  noun: string;
  formatId: string;
}

/**
 * Links a list entity's forms in the other languages (`stored`: each language's entries) into its values;
 * entries under a reference value the default language lacks are named in one warning.
 */
export function linkEntityLanguageForms(
  entity: Entity,
  stored: EntriesByLanguage | undefined,
  languages: readonly string[],
  context: ConnectorContext,
  file: string,
  warning: LanguageEntriesWarning,
): void {
  if (entity.kind !== 'list' || !stored) return;
  const unlinked = linkLanguageForms(entity.values ?? [], stored, languages);
  if (unlinked.length === 0) return;
  const shown = `${unlinked.slice(0, 5).join(', ')}${unlinked.length > 5 ? ` and ${unlinked.length - 5} more` : ''}`;
  context.warn({
    code: warning.code,
    message: `${warning.noun} "${entity.name}" has entries in other languages under reference values its default language lacks: ${shown}; kept for an export back to ${warning.formatId}, left out of every other format`,
    file,
    suggestion:
      "Give each language's entry the reference value of the default language it translates, so every format gets its forms.",
  });
}
