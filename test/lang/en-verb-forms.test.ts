import {Inflectors} from 'en-inflectors';
import {describe, expect, it} from 'vitest';
import {LEXICON} from '../../src/lang/en/lexicon.generated.js';
import {conjugate} from '../../src/lang/en/lexicon.js';
import {regularGerund, regularPast} from '../../src/lang/en/regular-inflection.js';
import {loadVerbFormData, verbForms} from '../../scripts/wordnet/verb-forms.js';

/** The generated table: verb -> {gerund, past}. */
const TABLE = new Map(
  LEXICON.conjugations.split(';').map((entry) => {
    const [verb, gerund, past] = entry.split(':') as [string, string, string];
    return [verb, {gerund, past}];
  }),
);

describe('verb forms in the generated lexicon', () => {
  it.each([
    ['go', 'going', ['went']],
    ['swim', 'swimming', ['swam']],
    ['see', 'seeing', ['saw']],
    ['find', 'finding', ['found']],
    ['snow', 'snowing', ['snowed']],
    ['snap', 'snapping', ['snapped']],
    ['crawl', 'crawling', ['crawled']],
    ['flip', 'flipping', ['flipped']],
    ['clip', 'clipping', ['clipped']],
    ['worship', 'worshipping|worshiping', ['worshipped', 'worshiped']],
    ['visit', 'visiting', ['visited']],
    ['open', 'opening', ['opened']],
    ['offer', 'offering', ['offered']],
    ['prefer', 'preferring', ['preferred']],
    ['panic', 'panicking', ['panicked']],
    ['die', 'dying', ['died']],
    ['cancel', 'cancelling', ['cancelled']],
    ['abhor', 'abhorring', ['abhorred']],
    ['befall', 'befalling', ['befell']],
    ['behave', 'behaving', ['behaved']],
  ])('%s: %s, %s', (verb, gerunds, pasts) => {
    const forms = TABLE.get(verb);
    expect(forms, verb).toBeDefined();
    expect(gerunds.split('|')).toContain(forms!.gerund);
    expect(pasts).toContain(forms!.past);
  });

  it('by rule, for verbs the data does not list', () => {
    const none = {irregular: {}, gerunds: {}};
    expect(verbForms('stab', none)).toEqual({gerund: 'stabbing', past: 'stabbed'});
    expect(verbForms('quit', none).gerund).toBe('quitting');
    expect(verbForms('snow', none)).toEqual({gerund: 'snowing', past: 'snowed'});
    expect(verbForms('visit', none)).toEqual({gerund: 'visiting', past: 'visited'});
    expect(verbForms('carry', none)).toEqual({gerund: 'carrying', past: 'carried'});
    expect(regularGerund('make')).toBe('making');
    expect(regularGerund('free')).toBe('freeing');
    expect(regularGerund('tie')).toBe('tying');
    expect(regularGerund('be')).toBe('being');
    expect(regularPast('play')).toBe('played');
    expect(regularPast('fix')).toBe('fixed');
    // At run time, a verb outside the table: regular forms, never a guessed ablaut (snow -> "snew").
    expect(conjugate('unfriend')).toEqual({gerund: 'unfriending', past: 'unfriended'});
    expect(conjugate('zoomify')).toEqual({gerund: 'zoomifying', past: 'zoomified'});
  });

  it('is the table the build writes (npm run lexicon after changing the rules)', () => {
    const data = loadVerbFormData();
    const stale = [...TABLE].filter(([verb, forms]) => {
      const built = verbForms(verb, data);
      return built.gerund !== forms.gerund || built.past !== forms.past;
    });
    expect(stale).toEqual([]);
  });

  /**
   * The whole table against an independent inflector (en-inflectors: its own rules and irregular list). Where
   * they differ, the differences were read one by one: the oracle misspells (amputeating, paniced, budgot,
   * beckonning, defered), takes another verb or sense (bore -> bear, ground -> grind, wound -> wind, lie -> lied,
   * will -> would, relay -> relaid, be -> were), prefers an old, British or American form (abode, besought, burnt,
   * smelt, snuck, dove, sweat), or we keep a
   * British doubling (benefitting, ricochetting) or an irregular verb's regular sense (fell -> felled).
   */
  const REVIEWED_DIFFERENCES = new Set(
    `abet abide amputate audition bar be beckon benefit beseech bore bound budget buffet burn can chide clothe combat congregate
    consolidate date debut defer deride deter din dive dog don dot ejaculate embed emulate endanger envelop equip fell
    fidget forswear fractionate frolic gallop ground heave hibernate imbed infer intimidate iodinate iron knit lie
    mar marinate matriculate panic pen perpetuate pilot poison profit pupate reason rebound reckon relay rent retreat
    ricochet scribe segregate shove slate smell sneak spur squat star stun sweat top underlie up update wallop wend whiz will
    wound`.split(/\s+/),
  );

  it('agrees with an independent inflector on every verb but the reviewed differences', () => {
    expect(TABLE.size).toBeGreaterThan(2000);
    // British -l doubling (cancelled, travelled) is our spelling; the oracle writes the American one.
    const same = (ours: string, theirs: string, verb: string) =>
      ours === theirs || (verb.endsWith('l') && ours.replace(/ll(ed|ing)$/, 'l$1') === theirs);
    const disagreeing = [...TABLE]
      .filter(([verb, forms]) => {
        const oracle = new Inflectors(verb);
        return !same(forms.past, oracle.toPast(), verb) || !same(forms.gerund, oracle.toGerund(), verb);
      })
      .map(([verb]) => verb);
    expect(disagreeing.filter((verb) => !REVIEWED_DIFFERENCES.has(verb))).toEqual([]);
  });
});
