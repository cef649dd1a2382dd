import { Type } from 'typebox';

// Nullable inputs as JSON Schema type lists: inside a union, Ajv's type coercion would turn a null into
// 0 or "" in the first branch (see NullableString in platform/http/schemas.ts).

/** An integer or null. */
export const NullableInteger = (options: { minimum?: number; maximum?: number } = {}) =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...options });

/** A number or null. */
export const NullableNumber = (options: { minimum?: number; maximum?: number } = {}) =>
  Type.Unsafe<number | null>({ type: ['number', 'null'], ...options });

/** A string (with an optional format or pattern) or null. */
export const NullableText = (options: { format?: string; pattern?: string; maxLength?: number } = {}) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
