// TypeBox schemas of the permits API (shared by its route files).
import { type TLiteral, type TSchema, type TUnion, Type } from 'typebox';
import { PERMIT_STATUSES } from './state-machine.ts';

/** A union of string literals that keeps each literal's type. */
export function literals<const T extends readonly string[]>(
  values: T,
): TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }> {
  // map() loses the tuple's element types; the cast restores what the values are.
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<{
    -readonly [K in keyof T]: TLiteral<T[K]>;
  }>;
}

const N = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Text = Type.Object({ fr: Type.String(), en: Type.String() });
export const Status = literals(PERMIT_STATUSES);
const ShowIf = Type.Optional(
  Type.Object({ field: Type.String(), equals: Type.Union([Type.String(), Type.Boolean()]) }),
);

export const FormFieldSchema = Type.Object({
  key: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' }),
  type: literals(['text', 'textarea', 'number', 'money', 'area', 'date', 'select', 'boolean']),
  label: Text,
  hint: Type.Optional(Text),
  required: Type.Optional(Type.Boolean()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Text }))),
  showIf: ShowIf,
});
export const DocumentSchema = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
  label: Text,
  required: Type.Boolean(),
  showIf: ShowIf,
});
const cents = Type.Optional(Type.Integer({ minimum: 0 }));
export const FeeRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('none') }),
  Type.Object({ kind: Type.Literal('fixed'), cents: Type.Integer({ minimum: 0 }) }),
  Type.Object({
    kind: Type.Literal('per_area'),
    centsPerSquareMetre: Type.Integer({ minimum: 0 }),
    areaField: Type.String(),
    minCents: cents,
    maxCents: cents,
    baseCents: cents,
  }),
  Type.Object({
    kind: Type.Literal('per_thousand'),
    centsPerThousand: Type.Integer({ minimum: 0 }),
    valueField: Type.String(),
    minCents: cents,
    maxCents: cents,
    baseCents: cents,
  }),
]);

export const PermitTypeSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: Type.Union([Type.Literal('permit'), Type.Literal('declaration')]),
  name: Text,
  description: Text,
  fields: Type.Array(FormFieldSchema),
  documents: Type.Array(DocumentSchema),
  feeRule: FeeRuleSchema,
  legalDelayDays: Type.Integer(),
  validityMonths: Type.Integer(),
  active: Type.Boolean(),
});

const BldsSchema = Type.Object({
  permitTypeMapped: Type.String({ maxLength: 60 }),
  workClassMapped: Type.Union([Type.Literal('New'), Type.Literal('Existing')]),
  permitClassMapped: Type.Union([Type.Literal('Residential'), Type.Literal('Non-Residential')]),
});

/** A permit type as staff edit it (inactive ones too): with its open-data mapping and list position. */
export const StaffPermitTypeSchema = Type.Object({
  ...PermitTypeSchema.properties,
  blds: BldsSchema,
  position: Type.Integer(),
});

export const PermitTypeInputSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('permit'), Type.Literal('declaration')]),
    nameFr: Type.String({ minLength: 2, maxLength: 120 }),
    nameEn: Type.String({ minLength: 2, maxLength: 120 }),
    descriptionFr: Type.String({ maxLength: 2000 }),
    descriptionEn: Type.String({ maxLength: 2000 }),
    fields: Type.Array(FormFieldSchema, { maxItems: 40 }),
    documents: Type.Array(DocumentSchema, { maxItems: 20 }),
    feeRule: FeeRuleSchema,
    legalDelayDays: Type.Integer({ minimum: 0, maximum: 365 }),
    validityMonths: Type.Integer({ minimum: 1, maximum: 120 }),
    blds: BldsSchema,
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const Answers = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]));

export const ApplicationSchema = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    kind: Type.Union([Type.Literal('permit'), Type.Literal('declaration')]),
    status: Status,
    type: Type.Object({ id: Type.String(), code: Type.String(), name: Text, legalDelayDays: Type.Integer() }),
    property: Type.Object({
      unitId: N(Type.String()),
      matricule: N(Type.String()),
      address: N(Type.String()),
      lots: Type.Array(Type.String()),
      latitude: N(Type.Number()),
      longitude: N(Type.Number()),
    }),
    description: Type.String(),
    answers: Answers,
    feeCents: Type.Integer(),
    order: N(
      Type.Object({
        id: Type.String(),
        status: Type.String(),
        totalCents: Type.Integer(),
        reference: Type.String(),
      }),
    ),
    documents: Type.Array(
      Type.Object({
        id: Type.String(),
        documentKey: Type.String(),
        fileId: Type.String(),
        name: Type.String(),
        mime: Type.String(),
        sizeBytes: Type.Number(),
      }),
    ),
    events: Type.Array(
      Type.Object({
        id: Type.String(),
        at: Type.String(),
        actor: Type.String(),
        action: Type.String(),
        fromStatus: N(Status),
        toStatus: Status,
        message: N(Type.String()),
        scheduledAt: N(Type.String()),
      }),
    ),
    clock: Type.Object({
      legalDelayDays: Type.Integer(),
      elapsedBusinessDays: Type.Integer(),
      running: Type.Boolean(),
      remaining: Type.Integer(),
      overdue: Type.Boolean(),
    }),
    allowedActions: Type.Array(Type.String()),
    submittedAt: N(Type.String()),
    decidedAt: N(Type.String()),
    permit: N(
      Type.Object({
        number: Type.String(),
        issuedAt: N(Type.String()),
        expiresAt: N(Type.String()),
        conditions: N(Type.String()),
        verificationPath: N(Type.String()),
      }),
    ),
    refusalReason: N(Type.String()),
    inspectionAt: N(Type.String()),
    finalInspectionAt: N(Type.String()),
    createdAt: Type.String(),
    applicant: Type.Optional(N(Type.Object({ name: Type.String(), email: Type.String() }))),
  },
  { $id: 'PermitApplication' },
);

export const ApplicationInput = Type.Object(
  {
    propertyUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    // Unknown on purpose: type coercion would turn `true` into "true" in a union; the form checks types.
    answers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const StaffListItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Status,
  kind: Type.String(),
  type: Text,
  address: N(Type.String()),
  matricule: N(Type.String()),
  permitNumber: N(Type.String()),
  feeCents: Type.Integer(),
  applicant: N(Type.String()),
  submittedAt: N(Type.String()),
  elapsedBusinessDays: Type.Integer(),
  legalDelayDays: Type.Integer(),
  overdue: Type.Boolean(),
});

export const RegistryItem = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: Text,
  address: N(Type.String()),
  status: Status,
  issuedOn: N(Type.String()),
  expiresOn: N(Type.String()),
  latitude: N(Type.Number()),
  longitude: N(Type.Number()),
});

export const VerificationSchema = Type.Object({
  valid: Type.Boolean(),
  number: Type.String(),
  status: Status,
  statusText: Text,
  type: Text,
  address: N(Type.String()),
  matricule: N(Type.String()),
  issuedOn: Type.String(),
  expiresOn: N(Type.String()),
  conditions: N(Type.String()),
});

export const DashboardSchema = Type.Object({
  byStatus: Type.Array(Type.Object({ status: Status, count: Type.Integer() })),
  byType: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Text,
      legalDelayDays: Type.Integer(),
      open: Type.Integer(),
      overdue: Type.Integer(),
      meanOpenDays: N(Type.Number()),
      decided: Type.Integer(),
      meanDecisionDays: N(Type.Number()),
      decidedLate: Type.Integer(),
    }),
  ),
  openFiles: Type.Array(
    Type.Object({
      id: Type.String(),
      reference: Type.String(),
      status: Status,
      type: Text,
      elapsedBusinessDays: Type.Integer(),
      legalDelayDays: Type.Integer(),
    }),
  ),
});
