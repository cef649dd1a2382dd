import type { Bilingual, Locale } from './locale.ts';

/** One field's problem, as returned in `error.details.fields`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

interface AjvLikeError {
  instancePath?: string;
  keyword: string;
  params?: Record<string, unknown>;
}

const RULES: Record<string, (p: Record<string, unknown>) => Bilingual> = {
  required: () => ({ fr: 'Ce champ est requis.', en: 'This field is required.' }),
  minLength: (p) =>
    p.limit === 1
      ? { fr: 'Ce champ ne peut pas être vide.', en: 'This field cannot be empty.' }
      : { fr: `Au moins ${p.limit} caractères.`, en: `At least ${p.limit} characters.` },
  maxLength: (p) => ({
    fr: `Au plus ${p.limit} caractère${Number(p.limit) > 1 ? 's' : ''}.`,
    en: `At most ${p.limit} character${Number(p.limit) > 1 ? 's' : ''}.`,
  }),
  minimum: (p) => ({ fr: `Doit être au moins ${p.limit}.`, en: `Must be at least ${p.limit}.` }),
  maximum: (p) => ({ fr: `Doit être au plus ${p.limit}.`, en: `Must be at most ${p.limit}.` }),
  minItems: (p) => ({ fr: `Au moins ${p.limit} éléments.`, en: `At least ${p.limit} items.` }),
  maxItems: (p) => ({ fr: `Au plus ${p.limit} éléments.`, en: `At most ${p.limit} items.` }),
  format: (p) =>
    p.format === 'email'
      ? { fr: 'Adresse courriel invalide.', en: 'Invalid e-mail address.' }
      : p.format === 'date'
        ? { fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }
        : { fr: `Format invalide (${p.format}).`, en: `Invalid format (${p.format}).` },
  pattern: () => ({ fr: 'Format invalide.', en: 'Invalid format.' }),
  type: (p) => ({ fr: `Type attendu : ${p.type}.`, en: `Expected type: ${p.type}.` }),
  enum: (p) => ({
    fr: `Valeur non permise (choix : ${(p.allowedValues as unknown[] | undefined)?.join(', ') ?? ''}).`,
    en: `Value not allowed (choices: ${(p.allowedValues as unknown[] | undefined)?.join(', ') ?? ''}).`,
  }),
  const: () => ({ fr: 'Valeur non permise.', en: 'Value not allowed.' }),
  additionalProperties: (p) => ({
    fr: `Champ inconnu : ${p.additionalProperty}.`,
    en: `Unknown field: ${p.additionalProperty}.`,
  }),
};

/** Turns schema-validation errors into per-field messages in the person's language. */
export function describeValidation(
  errors: readonly AjvLikeError[],
  locale: Locale,
  context?: string,
): FieldProblem[] {
  return errors.map((e) => {
    const params = e.params ?? {};
    const base = (e.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const field =
      e.keyword === 'required' && typeof params.missingProperty === 'string'
        ? [base, params.missingProperty].filter(Boolean).join('.')
        : base || context || '';
    const rule = RULES[e.keyword];
    const text = rule ? rule(params)[locale] : locale === 'fr' ? 'Valeur invalide.' : 'Invalid value.';
    return { field, rule: e.keyword, message: text };
  });
}
