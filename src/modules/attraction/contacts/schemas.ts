import { Type } from 'typebox';
import { Email, NullableString, Uuid } from '../../../platform/http/schemas.ts';

const Slug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });
const Topic = Type.String({ pattern: '^[a-z_]{2,30}$' });
const Lang = Type.String({ pattern: '^[a-z]{2}$' });

/** What staff send for a resource person. */
export const ContactInput = Type.Object(
  {
    slug: Slug,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    roleFr: Type.String({ minLength: 1, maxLength: 160 }),
    roleEn: Type.String({ minLength: 1, maxLength: 160 }),
    bioFr: Type.String({ maxLength: 2000 }),
    bioEn: Type.String({ maxLength: 2000 }),
    topics: Type.Array(Topic, { maxItems: 20 }),
    languages: Type.Array(Lang, { minItems: 1, maxItems: 12 }),
    email: Email,
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type ContactInputT = Type.Static<typeof ContactInput>;

/** The public view of a resource person: no e-mail address, ever. */
export const PublicContact = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    role: Type.Object({ fr: Type.String(), en: Type.String() }),
    bio: Type.Object({ fr: Type.String(), en: Type.String() }),
    topics: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
    nextSlots: Type.Integer(),
  },
  { $id: 'RegionContact', additionalProperties: false },
);

export const PublicSlot = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  mode: Type.String(),
});

/** The contact form. `website` is a honeypot: people never see it, robots fill it. */
export const MessageInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    email: Email,
    message: Type.String({ minLength: 10, maxLength: 4000 }),
    website: Type.Optional(Type.String({ maxLength: 300 })),
    consent: Type.Literal(true),
  },
  { additionalProperties: false },
);

export type MessageInputT = Type.Static<typeof MessageInput>;

export const BookingInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    email: Email,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    website: Type.Optional(Type.String({ maxLength: 300 })),
    consent: Type.Literal(true),
  },
  { additionalProperties: false },
);

export const SlotsInput = Type.Object(
  {
    slots: Type.Array(
      Type.Object({
        startsAt: Type.String({ format: 'date-time' }),
        endsAt: Type.String({ format: 'date-time' }),
        mode: Type.String({ pattern: '^(in_person|phone|video)$' }),
      }),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export const StaffSlot = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  mode: Type.String(),
  booked: Type.Boolean(),
  bookerName: NullableString(),
  bookerEmail: NullableString(),
  bookerNote: NullableString(),
});

export { Uuid };
