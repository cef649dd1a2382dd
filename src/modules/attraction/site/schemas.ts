import { Type } from 'typebox';
import { NullableString, Uuid } from '../../../platform/http/schemas.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const PageSlug = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', minLength: 2, maxLength: 80 });
const DateTime = Type.String({ format: 'date-time' });

/** What staff send when they save a page (a new revision of its content). */
export const PageInput = Type.Object(
  {
    slug: PageSlug,
    kind: Type.Union([Type.Literal('page'), Type.Literal('news'), Type.Literal('event')]),
    section: Type.Union([PageSlug, Type.Null()]),
    inMenu: Type.Boolean(),
    menuOrder: Type.Integer({ minimum: 0, maximum: 999 }),
    titleFr: Type.String({ minLength: 1, maxLength: 160 }),
    titleEn: Type.String({ minLength: 1, maxLength: 160 }),
    summaryFr: Type.String({ maxLength: 300 }),
    summaryEn: Type.String({ maxLength: 300 }),
    bodyFr: Type.String({ maxLength: 60000 }),
    bodyEn: Type.String({ maxLength: 60000 }),
    imageFileId: Type.Union([Uuid, Type.Null()]),
    imageAltFr: NullableString({ maxLength: 300 }),
    imageAltEn: NullableString({ maxLength: 300 }),
    eventStartsAt: Nullable(DateTime),
    eventEndsAt: Nullable(DateTime),
    eventLocation: NullableString({ maxLength: 200 }),
    eventAddress: NullableString({ maxLength: 300 }),
    note: Type.Optional(NullableString({ maxLength: 300 })),
    /** The revision the editor started from; a save over a newer one is refused (409). */
    baseRevision: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type PageInputT = Type.Static<typeof PageInput>;

export const RevisionContent = Type.Object({
  number: Type.Integer(),
  titleFr: Type.String(),
  titleEn: Type.String(),
  summaryFr: Type.String(),
  summaryEn: Type.String(),
  bodyFr: Type.String(),
  bodyEn: Type.String(),
  imageFileId: Type.Union([Type.String(), Type.Null()]),
  imageAltFr: Type.Union([Type.String(), Type.Null()]),
  imageAltEn: Type.Union([Type.String(), Type.Null()]),
  eventStartsAt: Type.Union([Type.String(), Type.Null()]),
  eventEndsAt: Type.Union([Type.String(), Type.Null()]),
  eventLocation: Type.Union([Type.String(), Type.Null()]),
  eventAddress: Type.Union([Type.String(), Type.Null()]),
});

export const StaffPage = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    kind: Type.String(),
    section: Type.Union([Type.String(), Type.Null()]),
    inMenu: Type.Boolean(),
    menuOrder: Type.Integer(),
    latestRevision: Type.Integer(),
    publishedRevision: Type.Union([Type.Integer(), Type.Null()]),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    updatedAt: Type.String(),
    hasUnpublishedChanges: Type.Boolean(),
    draft: RevisionContent,
    publicUrl: Type.String(),
  },
  { $id: 'RegionStaffPage' },
);

export const RevisionSummary = Type.Object({
  number: Type.Integer(),
  createdAt: Type.String(),
  author: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  restoredFrom: Type.Union([Type.Integer(), Type.Null()]),
  published: Type.Boolean(),
  titleFr: Type.String(),
});
