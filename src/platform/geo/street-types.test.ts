import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import { rowsOf } from '../db/client.ts';
import { cleanUnit, normalisePostalCode, parseCivic, parseDegrees } from './address-fields.ts';
import { detectMapping } from './column-mapping.ts';
import { countCsvRecords, featureStartLines } from './import-sources.ts';
import { jsonErrorOffset } from './json-error-line.ts';
import { fold, NAME_ABBREVIATIONS, STREET_TYPES, splitStreet, streetTypeOf } from './street-types.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const words = async (text: string) =>
  rowsOf<{ w: string }>(await ctx.db.execute(sql`SELECT civique_address_words(${text}) AS w`))[0]?.w;

describe('street types and the search normaliser', () => {
  it('expands in SQL every short form the importer knows, to the same folded word', async () => {
    const pairs: Array<[string, string]> = [
      ...STREET_TYPES.flatMap((t) => t.aliases.map((a): [string, string] => [a, fold(t.name)])),
      ...Object.entries(NAME_ABBREVIATIONS),
    ];
    expect(pairs.length).toBeGreaterThan(20);
    for (const [alias, canonical] of pairs) expect(await words(alias), alias).toBe(canonical);
  });

  it('folds in SQL exactly as in TypeScript (accents, case, punctuation)', async () => {
    for (const text of [
      'Côte-Sainte-Catherine',
      'ÉGLISE',
      "d'Youville",
      'Œuvre  Ste-Thérèse',
      'rue  du  Lac-à-l’Eau-Claire',
    ]) {
      const expected = fold(text)
        .split(' ')
        .map((w) => NAME_ABBREVIATIONS[w] ?? STREET_TYPES.find((t) => t.aliases.includes(w))?.name ?? w)
        .map(fold)
        .join(' ');
      expect(await words(text), text).toBe(expected);
    }
  });

  it('knows every street type code of the MAMH rolls', () => {
    const file = new URL('../../../../shared/data/quebec-roll/street-types.csv', import.meta.url);
    if (!existsSync(file)) return; // the reference data sits beside the repository on development machines
    const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) {
      const [code = '', name = ''] = line.split(',');
      expect(streetTypeOf(code)?.name, code).toBeDefined();
      expect(fold(streetTypeOf(code)?.name ?? ''), code).toBe(fold(name));
    }
  });

  it('splits a street written in full into its type and name', () => {
    expect(splitStreet('boul. Laflèche')).toEqual({ type: 'boulevard', name: 'Laflèche' });
    expect(splitStreet('Ch. du Lac')).toEqual({ type: 'chemin', name: 'du Lac' });
    expect(splitStreet('rue de la Gare')).toEqual({ type: 'rue', name: 'de la Gare' });
    expect(splitStreet('Ancienne route 132')).toEqual({ type: 'ancienne route', name: '132' });
    expect(splitStreet('Main Street')).toEqual({ type: null, name: 'Main Street' });
    expect(splitStreet('St-Jean')).toEqual({ type: null, name: 'St-Jean' });
  });
});

describe('address parts', () => {
  it('reads civic numbers, postal codes, units and degrees', () => {
    expect(parseCivic('123')).toEqual({ number: 123, suffix: null });
    expect(parseCivic('123-a')).toEqual({ number: 123, suffix: 'A' });
    expect(parseCivic('12 1/2')).toEqual({ number: 12, suffix: '1/2' });
    expect(parseCivic('0')).toBeUndefined();
    expect(parseCivic('12b3')).toBeUndefined();
    expect(normalisePostalCode('g5r-3a1')).toBe('G5R 3A1');
    expect(normalisePostalCode('D5R 3A1')).toBeUndefined();
    expect(cleanUnit('App. 4')).toBe('4');
    expect(cleanUnit('  ')).toBeNull();
    expect(parseDegrees('46,0226')).toBe(46.0226);
    expect(parseDegrees('1e5')).toBeUndefined();
  });

  it('normalises any valid postal code to A1A 1A1 however it is spaced or cased', () => {
    const letter = fc.constantFrom(...'ABCEGHJKLMNPRSTVXY');
    const later = fc.constantFrom(...'ABCEGHJKLMNPRSTVWXYZ');
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    fc.assert(
      fc.property(
        letter,
        digit,
        later,
        digit,
        later,
        digit,
        fc.boolean(),
        fc.constantFrom('', ' ', '-'),
        (a, b, c, d, e, f, lower, sep) => {
          const code = `${a}${b}${c}${sep}${d}${e}${f}`;
          expect(normalisePostalCode(lower ? code.toLowerCase() : code)).toBe(`${a}${b}${c} ${d}${e}${f}`);
        },
      ),
    );
  });

  it('recognises the usual column names of address files', () => {
    expect(detectMapping(['NO_CIVIQUE', 'GENERIQUE', 'ODONYME', 'CODE_POSTAL', 'X', 'Y'])).toMatchObject({
      civicNumber: 'NO_CIVIQUE',
      streetType: 'GENERIQUE',
      street: 'ODONYME',
      postalCode: 'CODE_POSTAL',
      longitude: 'X',
      latitude: 'Y',
    });
    expect(detectMapping(['addr:housenumber', 'addr:street', 'addr:city', 'lat', 'lon'])).toMatchObject({
      civicNumber: 'addr:housenumber',
      street: 'addr:street',
      municipality: 'addr:city',
    });
  });

  it('counts CSV records and finds where GeoJSON features and JSON errors are', () => {
    expect(countCsvRecords('a,b\n1,"x\ny"\n\n2,z\n')).toBe(2);
    expect(countCsvRecords('a,b')).toBe(0);
    const text =
      '{"type":"FeatureCollection","bbox":[1,2,3,4],\n"features":[\n{"type":"Feature","properties":{"features":[{}]}},\n\n{"type":"Feature"}]}';
    expect(featureStartLines(text)).toEqual([3, 5]);
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": "x\\"y", "b": [true, null, -1.5e3]}')).toBe(-1);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonErrorOffset(JSON.stringify(value, null, 1))).toBe(-1);
      }),
    );
  });
});
