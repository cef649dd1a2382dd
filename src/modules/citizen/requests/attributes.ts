// A category's own fields ("Size of the pothole", "Collection missed") and the checking of what a person
// entered against them. Pure; the same definitions feed the web form and Open311's service definitions.

/** Open311's attribute datatypes; the web form picks its widget from them. */
export const FIELD_TYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One extra field of a category, bilingual. */
export interface CategoryField {
  code: string;
  datatype: FieldType;
  required: boolean;
  labelFr: string;
  labelEn: string;
  descriptionFr?: string;
  descriptionEn?: string;
  /** For lists: the choices. */
  values?: Array<{ key: string; nameFr: string; nameEn: string }>;
}

/** A value entered for a field. */
export type AttributeValue = string | number | string[];

/** A field problem, before its message is put in the person's language. */
export interface AttributeProblem {
  code: string;
  rule: 'required' | 'number' | 'datetime' | 'choice' | 'too_long';
}

const MAX_TEXT = 2000;

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function checkOne(
  field: CategoryField,
  raw: unknown,
): { value?: AttributeValue; rule?: AttributeProblem['rule'] } {
  const keys = new Set((field.values ?? []).map((v) => v.key));
  switch (field.datatype) {
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).replace(',', '.').trim());
      return Number.isFinite(n) ? { value: n } : { rule: 'number' };
    }
    case 'datetime': {
      const text = String(raw).trim();
      return Number.isNaN(Date.parse(text)) ? { rule: 'datetime' } : { value: new Date(text).toISOString() };
    }
    case 'singlevaluelist': {
      const key = Array.isArray(raw) ? String(raw[0] ?? '') : String(raw);
      return keys.has(key) ? { value: key } : { rule: 'choice' };
    }
    case 'multivaluelist': {
      const list = (Array.isArray(raw) ? raw : String(raw).split(','))
        .map((v) => String(v).trim())
        .filter(Boolean);
      return list.every((k) => keys.has(k)) ? { value: [...new Set(list)] } : { rule: 'choice' };
    }
    default: {
      const text = String(raw).trim();
      return text.length > MAX_TEXT ? { rule: 'too_long' } : { value: text };
    }
  }
}

/**
 * Checks entered values against a category's fields: required ones present, numbers and dates readable,
 * list choices among the category's. Unknown codes are dropped. Returns the clean values and the problems.
 */
export function checkAttributes(
  fields: readonly CategoryField[],
  input: Record<string, unknown>,
): { values: Record<string, AttributeValue>; problems: AttributeProblem[] } {
  const values: Record<string, AttributeValue> = {};
  const problems: AttributeProblem[] = [];
  for (const field of fields) {
    const raw = input[field.code];
    if (!present(raw)) {
      if (field.required) problems.push({ code: field.code, rule: 'required' });
      continue;
    }
    const { value, rule } = checkOne(field, raw);
    if (rule) problems.push({ code: field.code, rule });
    else if (value !== undefined) values[field.code] = value;
  }
  return { values, problems };
}
