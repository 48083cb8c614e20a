/**
 * The German and French packs' grammar where a frame meets a seed: German verb-final order in embedded
 * questions, separable verbs, accusative noun phrases and nouns' capitals; French elision and contraction;
 * the seed's register (Sie/du, vous/tu) kept; articles agreeing with a slot value's gender; the keyboards.
 */
import {describe, expect, it} from 'vitest';
import type {AnnotatedText} from '../../src/generate/variation/types.js';
import {createRng} from '../../src/generate/rng.js';
import {german} from '../../src/lang/de/clause.js';
import {noise as germanNoise} from '../../src/lang/de/families.js';
import {agreeArticles} from '../../src/lang/fr/agreement.js';
import {french} from '../../src/lang/fr/clause.js';
import {abbreviation as frenchAbbreviation} from '../../src/lang/fr/families.js';
import {elide} from '../../src/lang/fr/morphology.js';
import {languagePack} from '../../src/lang/index.js';
import {frameFits, rewrapFrame, type FrameLanguage} from '../../src/lang/shared/frame-families.js';
import {keyboardNeighbours} from '../../src/lang/shared/keyboard-noise.js';

const plain = (text: string): AnnotatedText => ({text, entities: []});

function wrap(language: FrameLanguage, seed: string, frame: string): string | undefined {
  const input = plain(seed);
  const clause = language.analyze(input);
  if (!clause || !frameFits(language, frame, clause)) return undefined;
  return rewrapFrame(language, input, clause, frame)?.text;
}

describe('German frames', () => {
  it('keeps the infinitive last when a modal frame wraps a wish', () => {
    expect(wrap(german, 'ich möchte meine Bestellung stornieren', 'können Sie {vp}?')).toBe(
      'können Sie meine Bestellung stornieren?',
    );
    expect(wrap(german, 'ich kann am Montag nicht kommen', 'ich werde {nvp} können')).toBe(
      'ich werde am Montag nicht kommen können',
    );
  });

  it('sends the finite verb to the end of an embedded question, joined to its particle', () => {
    expect(wrap(german, 'wann findet der nächste Kurs statt', 'können Sie mir sagen, {ewh}?')).toBe(
      'können Sie mir sagen, wann der nächste Kurs stattfindet?',
    );
    expect(wrap(german, 'wie viel kostet eine Fahrstunde?', 'ich wollte fragen, {ewh}')).toBe(
      'ich wollte fragen, wie viel eine Fahrstunde kostet',
    );
    expect(wrap(german, 'wann kann ich meine Prüfung machen', 'ich würde gern wissen, {ewh}')).toBe(
      'ich würde gern wissen, wann ich meine Prüfung machen kann',
    );
    expect(wrap(german, 'haben Sie eine Preisliste', 'können Sie mir sagen, {ewh}?')).toBeUndefined();
    expect(wrap(german, 'gibt es Ratenzahlung', 'ich wollte fragen, {ewh}')).toBe(
      'ich wollte fragen, ob es Ratenzahlung gibt',
    );
  });

  it('keeps the register of the seed: no du frame for a Sie seed', () => {
    expect(wrap(german, 'können Sie meinen Termin stornieren', 'kannst du {vp}?')).toBeUndefined();
    expect(wrap(german, 'können Sie meinen Termin stornieren', 'ich möchte {vp}')).toBe(
      'ich möchte meinen Termin stornieren',
    );
  });

  it('puts a bare masculine noun phrase in the accusative and keeps nouns capitalised', () => {
    expect(wrap(german, 'der Termin für die Prüfung', 'ich brauche {np}')).toBe(
      'ich brauche den Termin für die Prüfung',
    );
    expect(wrap(german, 'Mein Paket ist nicht angekommen', 'hallo, {st}')).toBe(
      'Hallo, mein Paket ist nicht angekommen',
    );
    expect(wrap(german, 'Paket ist nicht angekommen', 'hallo, {st}')).toBe(
      'hallo, Paket ist nicht angekommen',
    );
  });

  it('does not ask the bot to do what only the user does', () => {
    expect(wrap(german, 'ich möchte meine Prüfung machen', 'können Sie {vp}?')).toBeUndefined();
    expect(wrap(german, 'wie kann ich mich anmelden', 'ich möchte {vp}')).toBeUndefined();
  });
});

describe('French frames and agreement', () => {
  it('elides and contracts where a frame meets its core', () => {
    expect(wrap(french, 'je voudrais annuler ma commande', "j'ai besoin de {vp}")).toBe(
      "j'ai besoin d'annuler ma commande",
    );
    expect(wrap(french, 'je voudrais le formulaire', "j'ai besoin de {np}")).toBe(
      "j'ai besoin du formulaire",
    );
    expect(wrap(french, "j'ai besoin d'un créneau", 'je voudrais {np}')).toBe('je voudrais un créneau');
  });

  it('keeps a clitic "le" and an h aspiré as they are', () => {
    expect(elide(plain("je n'arrive pas à le faire")).text).toBe("je n'arrive pas à le faire");
    expect(elide(plain('une salade de haricots')).text).toBe('une salade de haricots');
    expect(elide(plain('près de hôtel et de les gares')).text).toBe("près d'hôtel et des gares");
  });

  it('keeps the register of the seed: no tu frame for a vous seed', () => {
    expect(wrap(french, 'pouvez-vous annuler ma commande', 'tu peux {vp} ?')).toBeUndefined();
    expect(wrap(french, 'pouvez-vous annuler ma commande', 'pourriez-vous {vp} ?')).toBe(
      'pourriez-vous annuler ma commande ?',
    );
  });

  it("makes the article agree with a slot value's gender", () => {
    const withValue = (text: string, value: string): string => {
      const start = text.length;
      return agreeArticles({text: text + value, entities: [{entity: 'x', start, end: start + value.length}]})
        .text;
    };
    expect(withValue('je voudrais annuler mon ', 'leçon')).toBe('je voudrais annuler ma leçon');
    expect(withValue('je voudrais annuler ma ', 'cours')).toBe('je voudrais annuler mon cours');
    expect(withValue('je cherche la ', 'agence')).toBe("je cherche l'agence");
    expect(withValue('près de la ', 'garage')).toBe('près du garage');
  });

  it('ends a sign-off before the question mark', () => {
    const out = frenchAbbreviation.apply(plain('comment annuler une commande ?'), {
      rng: createRng(1),
      intent: 'x',
      language: 'fr',
    });
    expect(out?.text).toBe('comment annuler une commande svp ?');
  });
});

describe('keyboards and registration', () => {
  it('takes neighbours from QWERTZ and AZERTY rows', () => {
    const qwertz = keyboardNeighbours(['qwertzuiopü', 'asdfghjklöä', 'yxcvbnm']);
    expect(qwertz.z).toContain('t');
    expect(qwertz.z).toContain('u');
    expect(qwertz.y).toContain('a');
    const azerty = keyboardNeighbours(['azertyuiop', 'qsdfghjklm', 'wxcvbn']);
    expect(azerty.a).toContain('z');
    expect(azerty.a).toContain('q');
  });

  it('types umlauts as ae/oe/ue/ss among its slips', () => {
    const outputs = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const out = germanNoise.apply(plain('ich möchte über die Straße fahren'), {
        rng: createRng(seed),
        intent: 'x',
        language: 'de',
      });
      if (out) outputs.add(out.text);
    }
    expect(outputs).toContain('ich moechte über die Straße fahren');
    expect(outputs).toContain('ich möchte ueber die Straße fahren');
    expect(outputs).toContain('ich möchte über die Strasse fahren');
  });

  it('registers de and fr with the families they have', () => {
    for (const language of ['de-DE', 'fr-FR']) {
      const names = languagePack(language).families.map((f) => f.name);
      expect(names).toEqual([
        'basic',
        'interrogative',
        'coordinated',
        'negation',
        'polite',
        'colloquial',
        'keyword',
        'abbreviation',
        'noise',
      ]);
    }
  });
});

describe('French indirect questions', () => {
  it('keeps a plain wh-question, adds si to a yes/no question and leaves inverted ones alone', () => {
    expect(wrap(french, 'combien coûte une heure de conduite', 'pourriez-vous me dire {ewh} ?')).toBe(
      'pourriez-vous me dire combien coûte une heure de conduite ?',
    );
    expect(wrap(french, 'vous avez une grille tarifaire', 'pourriez-vous me dire {ewh} ?')).toBe(
      'pourriez-vous me dire si vous avez une grille tarifaire ?',
    );
    expect(wrap(french, 'il y a des cours le samedi ?', 'je voudrais savoir {ewh}')).toBe(
      "je voudrais savoir s'il y a des cours le samedi",
    );
    expect(
      wrap(french, 'quels moyens de paiement acceptez-vous', 'pourriez-vous me dire {ewh} ?'),
    ).toBeUndefined();
  });
});

describe('seeds no frame fits', () => {
  it('leaves imperatives, keyword strings and "I am looking for" alone instead of calling them reports', () => {
    for (const seed of [
      'zeig mir meinen Kontostand',
      'Kontostand Girokonto',
      'ich suche einen Geldautomaten',
    ])
      expect(german.analyze(plain(seed))).toBeUndefined();
    for (const seed of ['montre-moi mon solde', 'solde compte courant', 'je cherche un distributeur'])
      expect(french.analyze(plain(seed))).toBeUndefined();
    expect(german.analyze(plain('meine Karte wurde gestohlen'))?.kind).toBe('st');
    expect(french.analyze(plain("on m'a volé ma carte"))?.kind).toBe('st');
  });

  it('keeps a favour asked of the bot in frames that ask the bot', () => {
    expect(wrap(french, 'pouvez-vous faire un virement pour moi', "j'ai besoin de {vp}")).toBeUndefined();
    expect(wrap(german, 'können Sie mir eine Preisliste schicken', 'ich möchte {vp}')).toBeUndefined();
  });
});

describe('blind review rejects, fixed', () => {
  it('asks the bot to book only what is the user\'s ("meine", "mir")', () => {
    expect(wrap(german, 'ich möchte eine Fahrstunde buchen', 'können Sie bitte {vp}?')).toBeUndefined();
    expect(wrap(german, 'ich muss meine Fahrstunde absagen', 'können Sie bitte {vp}?')).toBe(
      'können Sie bitte meine Fahrstunde absagen?',
    );
    expect(wrap(french, 'je voudrais réserver une leçon', 'pouvez-vous {vp} ?')).toBeUndefined();
  });

  it('puts no "bitte"/"gerne" before an unstressed pronoun', () => {
    const seed = 'ich will mich für den Theorieunterricht anmelden';
    expect(wrap(german, seed, 'könntest du bitte {vp}?')).toBeUndefined();
    expect(wrap(german, seed, 'ich würde gerne {vp}')).toBeUndefined();
    expect(wrap(german, seed, 'ich möchte {vp}')).toBe('ich möchte mich für den Theorieunterricht anmelden');
  });

  it('adds no "svp" to a statement', () => {
    const context = {rng: createRng(1), intent: 'x', language: 'fr'};
    expect(frenchAbbreviation.apply(plain('la facture est trop élevée'), context)).toBeUndefined();
    expect(frenchAbbreviation.apply(plain('je ne peux pas venir lundi'), context)).toBeUndefined();
  });
});
