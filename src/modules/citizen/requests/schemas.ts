// TypeBox schemas of the requests API (shared by its route files).
import { Type } from 'typebox';
import { Email, LocaleSchema, Nullable, Uuid } from '../../../platform/http/schemas.ts';

// Null-safe under Ajv's type coercion (a union would turn a null text into "").
export { Nullable };
export const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
export const Instant = Type.String({ format: 'date-time' });

export const Bilingual = Type.Object({ fr: Type.String(), en: Type.String() });
export const OrgParams = Type.Object({ orgId: Uuid });
export const RequestParams = Type.Object({ orgId: Uuid, id: Uuid });
export const TokenParams = Type.Object({ orgId: Uuid, token: Text(100, 10) });

export const StatusSchema = Type.Object({ code: Type.String(), phase: Type.String(), label: Bilingual });
export const StatusDefinitionSchema = Type.Object({
  id: Nullable(Type.String()),
  code: Type.String(),
  phase: Type.String(),
  label: Bilingual,
  custom: Type.Boolean(),
});

const FieldValue = Type.Object(
  { key: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }), nameFr: Text(200, 1), nameEn: Text(200, 1) },
  { additionalProperties: false },
);
export const FieldSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }),
    datatype: Type.Union([
      Type.Literal('string'),
      Type.Literal('number'),
      Type.Literal('datetime'),
      Type.Literal('text'),
      Type.Literal('singlevaluelist'),
      Type.Literal('multivaluelist'),
    ]),
    required: Type.Boolean(),
    labelFr: Text(200, 1),
    labelEn: Text(200, 1),
    descriptionFr: Type.Optional(Text(500)),
    descriptionEn: Type.Optional(Text(500)),
    values: Type.Optional(Type.Array(FieldValue, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const CategorySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Bilingual,
  description: Bilingual,
  group: Nullable(Bilingual),
  keywords: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  sensitive: Type.Boolean(),
  ackDays: Nullable(Type.Integer()),
  resolveDays: Nullable(Type.Integer()),
  fields: Type.Array(FieldSchema),
  active: Type.Boolean(),
  position: Type.Integer(),
});

const Days = Nullable(Type.Integer({ minimum: 0, maximum: 365 }));
export const CategoryInput = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
    nameFr: Text(120, 2),
    nameEn: Text(120, 2),
    descriptionFr: Type.Optional(Text(1000)),
    descriptionEn: Type.Optional(Text(1000)),
    groupFr: Type.Optional(Nullable(Text(60))),
    groupEn: Type.Optional(Nullable(Text(60))),
    keywords: Type.Optional(Nullable(Text(300))),
    departmentId: Type.Optional(Nullable(Uuid)),
    sensitive: Type.Optional(Type.Boolean()),
    ackDays: Type.Optional(Days),
    resolveDays: Type.Optional(Days),
    fields: Type.Optional(Type.Array(FieldSchema, { maxItems: 30 })),
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const DepartmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Bilingual,
  active: Type.Boolean(),
  members: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  mine: Type.Boolean(),
});
export const DepartmentMembersInput = Type.Object(
  { accountIds: Type.Array(Uuid, { maxItems: 200 }) },
  { additionalProperties: false },
);
export const DepartmentInput = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
    nameFr: Text(120, 2),
    nameEn: Text(120, 2),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const StatusInput = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 60 }),
    labelFr: Text(80, 2),
    labelEn: Text(80, 2),
    phase: Type.String({ maxLength: 20 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  body: Bilingual,
  status: Nullable(Type.String()),
});
export const TemplateInput = Type.Object(
  {
    name: Text(120, 1),
    bodyFr: Text(4000, 1),
    bodyEn: Text(4000, 1),
    status: Type.Optional(Nullable(Text(60))),
  },
  { additionalProperties: false },
);
export const SettingsSchema = Type.Object(
  {
    reopenDays: Type.Integer({ minimum: 0, maximum: 365 }),
    gridMetres: Type.Integer({ minimum: 50, maximum: 2000 }),
    nearbyMetres: Type.Integer({ minimum: 25, maximum: 2000 }),
  },
  { additionalProperties: false },
);

const PhotoRef = Type.Object({ id: Uuid, token: Type.Optional(Text(100)) }, { additionalProperties: false });
export const PhotoRefs = Type.Array(PhotoRef, { maxItems: 10 });

export const SubmitInput = Type.Object(
  {
    categoryId: Uuid,
    description: Text(4000, 1),
    attributes: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown())),
    // No bounds here: the use case explains a point outside Quebec in the person's words.
    location: Type.Object(
      { lat: Type.Number(), lon: Type.Number(), address: Type.Optional(Nullable(Text(300))) },
      { additionalProperties: false },
    ),
    photos: Type.Optional(PhotoRefs),
    contact: Type.Optional(
      Type.Object(
        { email: Email, name: Type.Optional(Nullable(Text(120))), locale: Type.Optional(LocaleSchema) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const SubmittedSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  confirmed: Type.Boolean(),
  guestToken: Nullable(Type.String()),
});

export const UploadedPhotoSchema = Type.Object({
  id: Type.String(),
  originalName: Type.String(),
  mime: Type.String(),
  sizeBytes: Type.Integer(),
  token: Nullable(Type.String()),
});
export const PhotoSchema = Type.Object({
  id: Type.String(),
  eventId: Nullable(Type.String()),
  originalName: Type.String(),
  url: Type.String(),
});
export const AttributeViewSchema = Type.Object({ code: Type.String(), label: Bilingual, value: Bilingual });

export const CitizenRequestSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  role: Type.Union([Type.Literal('reporter'), Type.Literal('follower')]),
  confirmed: Type.Boolean(),
  category: Type.Object({ id: Type.String(), name: Bilingual, sensitive: Type.Boolean() }),
  status: StatusSchema,
  createdAt: Instant,
  updatedAt: Instant,
  description: Nullable(Type.String()),
  attributes: Type.Array(AttributeViewSchema),
  photos: Type.Array(PhotoSchema),
  location: Type.Object({ lat: Type.Number(), lon: Type.Number(), approximate: Type.Boolean() }),
  address: Nullable(Type.String()),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Instant,
      kind: Type.String(),
      by: Type.String(),
      status: Nullable(Type.Object({ code: Type.String(), label: Bilingual })),
      body: Nullable(Type.String()),
    }),
  ),
  reopenUntil: Nullable(Instant),
  canReopen: Type.Boolean(),
  mergedInto: Nullable(Type.Object({ reference: Type.String() })),
});

export const NearbyQuery = Type.Object({
  categoryId: Uuid,
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
});
export const NearbySchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.Object({ code: Type.String(), label: Bilingual }),
  createdAt: Instant,
  distanceMetres: Type.Number(),
  address: Nullable(Type.String()),
  approximate: Type.Boolean(),
  followers: Type.Integer(),
});

export const MyRequestSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  role: Type.Union([Type.Literal('reporter'), Type.Literal('follower')]),
  category: Bilingual,
  status: StatusSchema,
  createdAt: Instant,
  updatedAt: Instant,
});

export const FollowInput = Type.Object(
  { email: Type.Optional(Email), locale: Type.Optional(LocaleSchema) },
  { additionalProperties: false },
);
export const FollowSchema = Type.Object({
  requestId: Type.String(),
  reference: Type.String(),
  following: Type.Boolean(),
  guestToken: Nullable(Type.String()),
});
export const InformationInput = Type.Object(
  { body: Text(4000, 1), photos: Type.Optional(PhotoRefs) },
  { additionalProperties: false },
);
export const ReopenInput = Type.Object(
  { reason: Type.Optional(Text(2000)) },
  { additionalProperties: false },
);
export const CodeInput = Type.Object(
  { code: Type.String({ pattern: '^\\s*[0-9]{6}\\s*$' }) },
  { additionalProperties: false },
);
