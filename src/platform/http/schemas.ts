import { type Static, type TSchema, Type } from 'typebox';

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

/**
 * A string or null as one JSON Schema type list. Ajv coerces types (`coerceTypes`), and inside a union
 * the string branch would turn a null into "" before the null branch is tried; with a type list, a value
 * that already has one of the types is left alone.
 */
export const NullableString = (options: { maxLength?: number; minLength?: number; pattern?: string } = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * A schema or null. For a string, a number or a boolean, one type list (Ajv's coercion in a union would turn
 * null into "" or 0 into null); other schemas, which Ajv never coerces, stay a union.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type;
  if (typeof type === 'string' && PRIMITIVES.has(type))
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] });
  return Type.Unsafe<Static<T> | null>(Type.Union([schema, Type.Null()]));
}
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const LocaleSchema = Type.Union([Type.Literal('fr'), Type.Literal('en')]);
export const IdParams = Type.Object({ id: Uuid });
export const Ok = Type.Object({ ok: Type.Boolean() });
