/**
 * Each .lu block kind read by its own handler (connectors/botframework/lu): the definition types the real
 * fixtures do not use, and the older `$name:` syntax, which no fixture carries.
 */
import {describe, expect, it} from 'vitest';
import {parseLu} from '../../../connectors/botframework/lu/parse.js';
import {SynthnluError} from '../../../src/errors.js';

const MODERN = `> !# @app.name = My App
> !# @app.culture = en-gb
> !# @app.unknownKey = ignored
@ intent Book usesFeatures pl1, m2*
@ ml Address hasRoles from, to usesFeatures pl1
    - @ ml Street
        - @ number Num
    - @ personName City
@ SizeList Size hasRoles big
@ prebuilt datetimeV2 hasRoles when
@ prebuilt datetimeV2 hasRoles later
@ list color hasRoles c1 =
    - red : crimson, scarlet
        - ruby
    - blue:
        - navy
@ regex code = /[A-Z]{3}/
@ composite Trip hasRoles t = [Address, "color"]
@ patternany Anything
@ phraselist pl1(interchangeable) =
    - one
    - two
\`\`\`
# Fenced
- not read
\`\`\`
# ? a question
- an answer
# Book
- book {@Address=10 main st} on {datetimeV2:when=monday}
- book {Trip} for {Later}
`;

const LEGACY = `$PREBUILT:number Roles=a,b
$PREBUILT:number Roles=c
$Name:simple Roles=first
$pl:phraseList interchangeable
- a
- b
$re:/\\d+/ Roles=x
$comp:[Name, number]
$city:Seattle= Roles=from
- seattle
- sea
$city:Paris=
- paris
$alt:qna-alterations
- not read
# Book
- fly to {city:from=seattle} with {Name=bob}
`;

describe('.lu blocks', () => {
  it('reads every @ definition type, info lines, fences and QnA sections', () => {
    const app = parseLu(MODERN, 'modern.lu');
    expect(app).toMatchObject({name: 'My App', culture: 'en-gb'});
    expect(app).not.toHaveProperty('unknownKey');
    expect(app.intents).toEqual([
      {name: 'Book', features: [{featureName: 'pl1'}, {featureName: 'm2', isRequired: true}]},
    ]);
    const [address, size] = app.entities!;
    expect(address!.roles).toEqual(['from', 'to']);
    expect(address!.children!.map((c) => c.name)).toEqual(['Street', 'City']);
    expect(address!.children![0]!.children!.map((c) => [c.name, c.features])).toEqual([
      ['Num', [{modelName: 'number', isRequired: true}]],
    ]);
    expect(size).toEqual({
      name: 'Size',
      roles: ['big'],
      features: [{modelName: 'SizeList', isRequired: true}],
    });
    expect(app.prebuiltEntities).toEqual([{name: 'datetimeV2', roles: ['when', 'later']}]);
    expect(app.closedLists).toEqual([
      {
        name: 'color',
        roles: ['c1'],
        subLists: [
          {canonicalForm: 'red', list: ['crimson', 'scarlet', 'ruby']},
          {canonicalForm: 'blue', list: ['navy']},
        ],
      },
    ]);
    expect(app.regex_entities).toEqual([{name: 'code', regexPattern: '[A-Z]{3}', roles: []}]);
    expect(app.composites).toEqual([
      {name: 'Trip', children: [{name: 'Address'}, {name: 'color'}], roles: ['t']},
    ]);
    // {Later} names nothing defined: a pattern.any entity, as bf-lu makes it.
    expect(app.patternAnyEntities!.map((p) => p.name)).toEqual(['Anything', 'Later']);
    expect(app.phraselists).toMatchObject([{name: 'pl1', words: 'one,two', mode: true}]);
    expect(app.patterns).toEqual([{pattern: 'book {Trip} for {Later}', intent: 'Book'}]);
    expect(app.utterances.map((u) => u.text)).toEqual(['book 10 main st on monday']);
  });

  it('reads the older $name: definitions', () => {
    const app = parseLu(LEGACY, 'legacy.lu');
    expect(app.prebuiltEntities).toEqual([{name: 'number', roles: ['a', 'b', 'c']}]);
    expect(app.entities).toEqual([{name: 'Name', roles: ['first']}]);
    expect(app.phraselists).toMatchObject([{name: 'pl', words: 'a,b', mode: true}]);
    expect(app.regex_entities).toEqual([{name: 're', regexPattern: '\\d+', roles: ['x']}]);
    expect(app.composites).toEqual([{name: 'comp', children: [{name: 'Name'}, {name: 'number'}], roles: []}]);
    expect(app.closedLists).toEqual([
      {
        name: 'city',
        roles: ['from'],
        subLists: [
          {canonicalForm: 'Seattle', list: ['seattle', 'sea']},
          {canonicalForm: 'Paris', list: ['paris']},
        ],
      },
    ]);
    expect(app.utterances).toEqual([
      {
        text: 'fly to seattle with bob',
        intent: 'Book',
        entities: [
          {entity: 'city', startPos: 7, endPos: 13, role: 'from'},
          {entity: 'Name', startPos: 20, endPos: 22},
        ],
      },
    ]);
  });

  it('refuses a definition it cannot read, by file and line', () => {
    for (const [text, line, message] of [
      ['# A\n- hi\n@ regex r = abc\n', 3, 'regex entity "r" needs = /pattern/'],
      ['# A\n$n:what is this\n', 2, 'cannot read the definition "$n:what is this"'],
      ['# A\n$nocolon\n', 2, 'cannot read the definition "$nocolon"'],
      ['@ onlytype\n', 1, 'cannot read the definition "@ onlytype"'],
    ] as const) {
      const error = (() => {
        try {
          parseLu(text, 'bad.lu');
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(SynthnluError);
      expect((error as SynthnluError).message).toContain(message);
      expect((error as SynthnluError).location).toEqual({file: 'bad.lu', line});
    }
  });
});
