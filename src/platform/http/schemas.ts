import { Type } from 'typebox';

/** The error body as an OpenAPI schema, referenced by every route's error responses. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error' },
);

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const LocaleSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
export const IdParams = Type.Object({ id: Uuid });
export const Ok = Type.Object({ ok: Type.Boolean() });
