// TypeBox schemas of the staff's requests API: queue filters, list items, one request, actions, statistics.
import { Type } from 'typebox';
import { LocaleSchema, Uuid } from '../../../platform/http/schemas.ts';
import {
  AttributeViewSchema,
  Bilingual,
  Instant,
  Nullable,
  PhotoSchema,
  StatusSchema,
  Text,
} from './schemas.ts';

export const StaffFiltersQuery = {
  // A department, `mine` (the departments the viewer works) or `none` (requests no department holds).
  departmentId: Type.Optional(Type.Union([Uuid, Type.Literal('mine'), Type.Literal('none')])),
  categoryId: Type.Optional(Uuid),
  status: Type.Optional(Type.String({ maxLength: 60 })),
  assignee: Type.Optional(Type.String({ maxLength: 40 })),
  overdue: Type.Optional(Type.Boolean()),
  confirmation: Type.Optional(
    Type.Union([Type.Literal('confirmed'), Type.Literal('unconfirmed'), Type.Literal('all')]),
  ),
  q: Type.Optional(Text(200)),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  bbox: Type.Optional(Text(200)),
  sort: Type.Optional(
    Type.Union([
      Type.Literal('newest'),
      Type.Literal('oldest'),
      Type.Literal('due'),
      Type.Literal('updated'),
    ]),
  ),
};

export const StaffListItemSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  category: Type.Object({ id: Type.String(), name: Bilingual, sensitive: Type.Boolean() }),
  department: Nullable(Type.Object({ id: Type.String(), name: Bilingual })),
  status: StatusSchema,
  assignee: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  description: Type.String(),
  address: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  source: Type.String(),
  confirmed: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
  ackDueAt: Nullable(Instant),
  resolveDueAt: Nullable(Instant),
  overdue: Nullable(Type.Union([Type.Literal('ack'), Type.Literal('resolve')])),
  reopenCount: Type.Integer(),
  merged: Type.Boolean(),
});

export const StaffRequestSchema = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  category: Type.Object({ id: Type.String(), name: Bilingual, sensitive: Type.Boolean() }),
  departmentId: Nullable(Type.String()),
  status: StatusSchema,
  description: Type.String(),
  attributes: Type.Array(AttributeViewSchema),
  location: Type.Object({ lat: Type.Number(), lon: Type.Number() }),
  address: Nullable(Type.String()),
  source: Type.String(),
  locale: LocaleSchema,
  reporter: Type.Object({
    accountId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  confirmed: Type.Boolean(),
  assigneeAccountId: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
  ackDueAt: Nullable(Instant),
  resolveDueAt: Nullable(Instant),
  acknowledgedAt: Nullable(Instant),
  resolvedAt: Nullable(Instant),
  closedAt: Nullable(Instant),
  reopenCount: Type.Integer(),
  followers: Type.Integer(),
  mergedInto: Nullable(Type.Object({ id: Type.String(), reference: Type.String() })),
  photos: Type.Array(PhotoSchema),
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Instant,
      kind: Type.String(),
      visibility: Type.String(),
      actorKind: Type.String(),
      actorAccountId: Nullable(Type.String()),
      actorName: Nullable(Type.String()),
      fromStatus: Nullable(Type.String()),
      toStatus: Nullable(Type.String()),
      body: Nullable(Type.String()),
      data: Nullable(Type.Record(Type.String(), Type.Unknown())),
      status: Nullable(Type.Object({ code: Type.String(), label: Bilingual })),
    }),
  ),
});

export const StatusChangeInput = Type.Object(
  { status: Text(60, 1), message: Type.Optional(Nullable(Text(4000))) },
  { additionalProperties: false },
);
export const AssignInput = Type.Object(
  { assigneeAccountId: Type.Optional(Nullable(Uuid)), departmentId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
export const CommentInput = Type.Object(
  { visibility: Type.Union([Type.Literal('internal'), Type.Literal('public')]), body: Text(4000, 1) },
  { additionalProperties: false },
);
export const MergeInput = Type.Object({ intoId: Uuid }, { additionalProperties: false });
export const BulkInput = Type.Object(
  {
    ids: Type.Array(Uuid, { minItems: 1, maxItems: 200 }),
    action: Type.Union([
      Type.Object(
        { type: Type.Literal('status'), status: Text(60, 1), message: Type.Optional(Nullable(Text(4000))) },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          type: Type.Literal('assign'),
          assigneeAccountId: Type.Optional(Nullable(Uuid)),
          departmentId: Type.Optional(Nullable(Uuid)),
        },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);

export const StatsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  categories: Type.Array(Type.Object({ id: Type.String(), name: Bilingual })),
  volume: Type.Array(
    Type.Object({
      week: Type.String(),
      total: Type.Integer(),
      byCategory: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  backlog: Type.Array(Type.Object({ week: Type.String(), open: Type.Integer() })),
  resolution: Type.Array(
    Type.Object({
      categoryId: Type.String(),
      resolved: Type.Integer(),
      averageDays: Type.Number(),
      medianDays: Type.Number(),
    }),
  ),
});
