import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../../tests/support/factories.ts';
import { createTestContext, type TestContext } from '../../../tests/support/harness.ts';
import type { AddressInput } from './address-fields.ts';
import { haversineMeters } from './geojson.ts';
import { parseAddressQuery } from './search-addresses.ts';
import { upsertAddresses } from './upsert-addresses.ts';

let ctx: TestContext;
let joliette: string;
let other: string;

const address = (
  a: Partial<AddressInput> & Pick<AddressInput, 'civicNumber' | 'streetName'>,
): AddressInput => ({
  civicSuffix: null,
  streetType: 'rue',
  unit: null,
  municipality: 'Joliette',
  postalCode: null,
  latitude: null,
  longitude: null,
  ...a,
});

// Around Joliette's cathedral (46.0226, -73.4436).
const REGISTER: AddressInput[] = [
  address({ civicNumber: 123, streetName: 'Saint-Jean', latitude: 46.0226, longitude: -73.4436 }),
  address({ civicNumber: 123, streetName: 'Saint-Jean-Baptiste', latitude: 46.03, longitude: -73.45 }),
  address({
    civicNumber: 123,
    streetType: 'boulevard',
    streetName: 'Sainte-Anne',
    latitude: 46.01,
    longitude: -73.43,
  }),
  address({ civicNumber: 125, streetName: 'Saint-Jean', latitude: 46.02265, longitude: -73.4435 }),
  address({
    civicNumber: 560,
    streetType: 'boulevard',
    streetName: 'Laflèche',
    latitude: 46.04,
    longitude: -73.42,
  }),
  address({
    civicNumber: 560,
    streetType: 'boulevard',
    streetName: 'Lavallée',
    latitude: 46.041,
    longitude: -73.421,
  }),
  address({ civicNumber: 42, streetType: 'chemin', streetName: 'de la Côte-Sainte-Catherine' }),
  address({ civicNumber: 7, streetType: 'montée', streetName: 'de l’Église', unit: '3' }),
  address({ civicNumber: 88, streetType: 'rang', streetName: 'Double', latitude: 46.1, longitude: -73.5 }),
  address({ civicNumber: 125, streetName: 'Saint-Jean', unit: '2' }),
  address({ civicNumber: 12, streetType: 'route', streetName: '132' }),
  address({ civicNumber: 132, streetType: 'route', streetName: '116' }),
];

beforeAll(async () => {
  ctx = await createTestContext();
  joliette = (await createOrg(ctx.db)).id;
  other = (await createOrg(ctx.db)).id;
  await upsertAddresses({ db: ctx.db, orgId: joliette, rows: REGISTER, source: 'test' });
  await upsertAddresses({
    db: ctx.db,
    orgId: other,
    rows: [
      address({
        civicNumber: 999,
        streetName: 'Secrète',
        municipality: 'Ailleurs',
        latitude: 46.0226,
        longitude: -73.4436,
      }),
    ],
    source: 'test',
  });
});
afterAll(async () => ctx?.close());

interface Match {
  label: string;
  civicNumber: number;
  streetName: string;
  score: number;
}
const search = async (orgId: string, q: string) => {
  const res = await ctx
    .client()
    .get<{ items: Match[] }>(`/api/orgs/${orgId}/addresses/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items;
};

describe('address search', () => {
  it('reads a leading civic number apart from the street', () => {
    expect(parseAddressQuery('123 st-jean')).toEqual({
      civic: { number: 123, suffix: null },
      rest: 'st-jean',
    });
    expect(parseAddressQuery('123A, rue X')).toEqual({ civic: { number: 123, suffix: 'A' }, rest: 'rue X' });
    expect(parseAddressQuery('rue X')).toEqual({ rest: 'rue X' });
    expect(parseAddressQuery('route 132')).toEqual({ rest: 'route 132', trailingNumber: 132 });
  });

  it('ranks the right address first whatever the accents, case and short forms', async () => {
    expect((await search(joliette, '123 st-jean'))[0]?.label).toBe('123, rue Saint-Jean');
    expect((await search(joliette, '123 ST JEAN'))[0]?.label).toBe('123, rue Saint-Jean');
    expect((await search(joliette, 'boul lafleche'))[0]?.label).toBe('560, boulevard Laflèche');
    expect((await search(joliette, '560 bd Laflèche'))[0]?.label).toBe('560, boulevard Laflèche');
    expect((await search(joliette, '123 boul. ste-anne'))[0]?.label).toBe('123, boulevard Sainte-Anne');
    expect((await search(joliette, '42 ch. cote ste catherine'))[0]?.label).toBe(
      '42, chemin de la Côte-Sainte-Catherine',
    );
    expect((await search(joliette, '7 mtée de l’église'))[0]?.label).toBe('3-7, montée de l’Église');
    expect((await search(joliette, 'rg double'))[0]?.label).toBe('88, rang Double');
    // A number after the street may be part of its name.
    expect((await search(joliette, 'rte 132'))[0]?.label).toBe('12, route 132');
    expect((await search(joliette, 'route 116 132'))[0]?.label).toBe('132, route 116');
  });

  it('forgives a typo in the street name', async () => {
    expect((await search(joliette, '560 boul laflesche'))[0]?.label).toBe('560, boulevard Laflèche');
    expect((await search(joliette, 'saint-jaen 125'))[0]?.label).toBe('125, rue Saint-Jean');
  });

  it('matches a typed civic number exactly', async () => {
    const items = await search(joliette, '125 saint-jean');
    expect(items.map((i) => i.label)).toEqual(['125, rue Saint-Jean', '2-125, rue Saint-Jean']);
    expect((await search(joliette, '125 st-jean app 2'))[0]?.label).toBe('2-125, rue Saint-Jean');
    expect(await search(joliette, '124 saint-jean')).toEqual([]);
    const all123 = await search(joliette, '123');
    expect(all123.map((i) => i.civicNumber)).toEqual([123, 123, 123]);
  });

  it('never shows one organisation’s register in another’s search', async () => {
    expect(await search(joliette, '999 secrète')).toEqual([]);
    expect((await search(other, '999 secrete'))[0]?.label).toBe('999, rue Secrète');
    expect(await search(other, 'saint-jean')).toEqual([]);
  });

  it('answers 404 for an unknown organisation and 400 for an empty query, in both languages', async () => {
    const unknown = await ctx
      .client()
      .get<{ error: { code: string } }>(
        '/api/orgs/00000000-0000-7000-8000-000000000000/addresses/search?q=x',
      );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('org.not_found');
    const fr = await ctx
      .client({ locale: 'fr' })
      .get<{ error: { code: string; message: string } }>(`/api/orgs/${joliette}/addresses/search?q=`);
    const en = await ctx
      .client({ locale: 'en' })
      .get<{ error: { code: string; message: string } }>(`/api/orgs/${joliette}/addresses/search?q=`);
    expect([fr.status, en.status]).toEqual([400, 400]);
    expect(fr.body.error.message).not.toBe(en.body.error.message);
  });
});

describe('reverse geocoding', () => {
  it('returns the nearest address with its distance', async () => {
    // 2 m from 125 rue Saint-Jean, about 9 m from 123.
    const res = await ctx
      .client()
      .get<{ address: { label: string }; distanceMeters: number }>(
        `/api/orgs/${joliette}/addresses/reverse?lat=46.02266&lon=-73.44348`,
      );
    expect(res.status).toBe(200);
    expect(res.body.address.label).toBe('125, rue Saint-Jean');
    expect(res.body.distanceMeters).toBeCloseTo(haversineMeters(46.02266, -73.44348, 46.02265, -73.4435), 0);
  });

  it('widens its box until it finds an address far away, and stays in the organisation', async () => {
    // 63 km east of the register (within the widest box), then 110 km (beyond it: the whole register).
    for (const lon of [-72.6, -72]) {
      const res = await ctx
        .client()
        .get<{ address: { label: string }; distanceMeters: number }>(
          `/api/orgs/${joliette}/addresses/reverse?lat=46.04&lon=${lon}`,
        );
      expect(res.status).toBe(200);
      expect(res.body.address.label).toBe('560, boulevard Laflèche');
      expect(res.body.distanceMeters).toBeCloseTo(haversineMeters(46.04, lon, 46.04, -73.42), 0);
    }
    const near = await ctx
      .client()
      .get<{ address: { label: string } }>(`/api/orgs/${other}/addresses/reverse?lat=46.0226&lon=-73.4436`);
    expect(near.body.address.label).toBe('999, rue Secrète');
  });

  it('refuses coordinates out of range and says when no address is geolocated', async () => {
    const bad = await ctx.client().get(`/api/orgs/${joliette}/addresses/reverse?lat=91&lon=0`);
    expect(bad.status).toBe(400);
    const empty = (await createOrg(ctx.db)).id;
    const none = await ctx
      .client({ locale: 'en' })
      .get<{ error: { code: string; message: string } }>(
        `/api/orgs/${empty}/addresses/reverse?lat=46&lon=-73`,
      );
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('address.none_nearby');
    expect(none.body.error.message).toMatch(/No geolocated address/);
  });
});
