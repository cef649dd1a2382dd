// The form of a permit type: its fields and the conditions under which a field is asked. Pure: the same
// checks run in the browser's preview (through the API) and at submission.

/** A bilingual text staff write. */
export interface Text {
  fr: string;
  en: string;
}

/** One field of a permit form. */
export interface FormField {
  key: string;
  type: 'text' | 'textarea' | 'number' | 'money' | 'area' | 'date' | 'select' | 'boolean';
  label: Text;
  hint?: Text;
  required?: boolean;
  min?: number;
  max?: number;
  options?: Array<{ value: string; label: Text }>;
  /** Asked only when another field has this value (e.g. a fence height only for a fence along the street). */
  showIf?: { field: string; equals: string | boolean };
}

/** A document the applicant attaches (plans, certificate of location …). */
export interface RequiredDocument {
  key: string;
  label: Text;
  required: boolean;
  showIf?: { field: string; equals: string | boolean };
}

/** A field problem: which field and why (message codes rendered by the API). */
export interface FieldProblem {
  field: string;
  code: 'permit.field_required' | 'permit.field_invalid' | 'permit.field_range' | 'permit.field_option';
}

/** Whether a field (or document) is asked given the answers so far. */
export function isAsked(
  item: { showIf?: { field: string; equals: string | boolean } },
  answers: Record<string, unknown>,
): boolean {
  if (!item.showIf) return true;
  return answers[item.showIf.field] === item.showIf.equals;
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Checks answers against a form: required fields present, numbers in range, options among the list.
 * Returns the cleaned answers (fields not asked are dropped) and the problems.
 */
export function checkAnswers(
  fields: readonly FormField[],
  answers: Record<string, unknown>,
): { clean: Record<string, string | number | boolean>; problems: FieldProblem[] } {
  const clean: Record<string, string | number | boolean> = {};
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    if (!isAsked(f, answers)) continue;
    const value = answers[f.key];
    if (empty(value)) {
      if (f.required) problems.push({ field: f.key, code: 'permit.field_required' });
      continue;
    }
    switch (f.type) {
      case 'number':
      case 'money':
      case 'area': {
        const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
        if (!Number.isFinite(n)) problems.push({ field: f.key, code: 'permit.field_invalid' });
        else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max))
          problems.push({ field: f.key, code: 'permit.field_range' });
        else clean[f.key] = n;
        break;
      }
      case 'boolean':
        if (typeof value !== 'boolean') problems.push({ field: f.key, code: 'permit.field_invalid' });
        else clean[f.key] = value;
        break;
      case 'select':
        if (!f.options?.some((o) => o.value === value))
          problems.push({ field: f.key, code: 'permit.field_option' });
        else clean[f.key] = String(value);
        break;
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
          problems.push({ field: f.key, code: 'permit.field_invalid' });
        else clean[f.key] = value;
        break;
      default:
        if (typeof value !== 'string' || value.length > 4000)
          problems.push({ field: f.key, code: 'permit.field_invalid' });
        else clean[f.key] = value.trim();
    }
  }
  return { clean, problems };
}

/** The documents still missing for the answers given. */
export function missingDocuments(
  documents: readonly RequiredDocument[],
  answers: Record<string, unknown>,
  attached: ReadonlySet<string>,
): string[] {
  return documents.filter((d) => d.required && isAsked(d, answers) && !attached.has(d.key)).map((d) => d.key);
}
