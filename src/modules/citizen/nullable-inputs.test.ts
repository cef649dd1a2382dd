import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ActivityBody, SeasonBody } from './activities/schemas.ts';
import { CounterBody } from './registrations/schemas.ts';

// The options of the server's validator (src/app.ts): coercion is on, which is what could turn a null
// into 0 or "" (or a 0 or "" into null) inside a union.
const ajv = new Ajv({ removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true });
addFormats.default(ajv);

const activity = {
  seasonId: '01890a5d-ac96-774b-bcce-b302099a8057',
  code: 'NAT-1',
  category: 'sport',
  titleFr: 'Natation',
  titleEn: 'Swimming',
  descriptionFr: '',
  descriptionEn: '',
  facility: 'Piscine',
  schedule: [],
  startsOn: '2027-01-12',
  endsOn: '2027-03-23',
  capacity: 10,
  priceResidentCents: 0,
  pricePartnerCents: 0,
  priceNonResidentCents: 0,
};

function parsed(schema: object, body: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(body);
  const validate = ajv.compile(schema);
  expect(validate(copy), JSON.stringify(validate.errors)).toBe(true);
  return copy;
}

describe('nullable inputs of activities, registrations and residency', () => {
  it('keep a null as null, and a 0 or an empty string as themselves', () => {
    const nulls = parsed(ActivityBody, {
      ...activity,
      instructor: null,
      minAge: null,
      maxAge: null,
      ageReferenceDate: null,
    });
    expect(nulls).toMatchObject({ instructor: null, minAge: null, maxAge: null, ageReferenceDate: null });
    const values = parsed(ActivityBody, { ...activity, instructor: '', minAge: 0, maxAge: 0 });
    expect(values).toMatchObject({ instructor: '', minAge: 0, maxAge: 0 });
  });

  it('keeps a season’s waiting room null (closed) and a counter payment null (to pay later)', () => {
    const season = parsed(SeasonBody, {
      nameFr: 'Hiver',
      nameEn: 'Winter',
      startsOn: '2027-01-11',
      endsOn: '2027-03-28',
      residentOpensAt: '2026-12-01T12:00:00Z',
      nonResidentOpensAt: '2026-12-08T12:00:00Z',
      closesAt: '2027-01-10T12:00:00Z',
      waitingRoom: null,
    });
    expect(season.waitingRoom).toBeNull();
    const counter = parsed(CounterBody, {
      accountId: '01890a5d-ac96-774b-bcce-b302099a8057',
      items: [{ activityId: activity.seasonId, personId: activity.seasonId }],
      source: 'counter',
      payment: null,
    });
    expect(counter.payment).toBeNull();
  });
});
