import { type Static, type TSchema, Type } from 'typebox';

/** Query string of every paginated list: `page` from 1, `perPage` up to 200. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});
export type PageQuery = Static<typeof PageQuery>;

/** The envelope of every paginated list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    perPage: Type.Integer(),
    total: Type.Integer(),
  });
}

/** Limit and offset for a page query. */
export function pageWindow(query: PageQuery): {
  limit: number;
  offset: number;
  page: number;
  perPage: number;
} {
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 50;
  return { limit: perPage, offset: (page - 1) * perPage, page, perPage };
}
