import { Type } from 'typebox';
import { Nullable } from '../../../platform/http/schemas.ts';
import { RESIDENCY_STATUSES } from './schema.ts';

const residencyFields = {
  id: Type.String(),
  orgId: Type.String(),
  householdId: Type.String(),
  proof: Type.Union([
    Type.Literal('address'),
    Type.Literal('document'),
    Type.Literal('household_import'),
    Type.Literal('staff'),
  ]),
  status: Type.Union(RESIDENCY_STATUSES.map((s) => Type.Literal(s))),
  addressLabel: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  fileId: Nullable(Type.String()),
  startsOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  endReason: Nullable(Type.String()),
  createdAt: Type.String(),
};
export const ResidencySchema = Type.Object(residencyFields, { $id: 'CitizenResidency' });
export const StaffResidencySchema = Type.Object({
  ...residencyFields,
  submittedBy: Nullable(Type.Object({ name: Type.String(), email: Type.String() })),
});
export const StandingSchema = Type.Object({
  category: Type.Union([Type.Literal('resident'), Type.Literal('partner'), Type.Literal('non_resident')]),
  residentOrgId: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
});

export const ResidencyStatusSchema = Type.Union(RESIDENCY_STATUSES.map((s) => Type.Literal(s)));
