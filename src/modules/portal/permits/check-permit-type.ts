// Checks of a permit type that its JSON schema cannot express: unique keys, conditions that name an
// earlier field, lists with options, fee rules that read a numeric field. Pure, so the staff editor's
// errors are tested without a database.
import type { PermitTypeInput } from './catalogue.ts';
import { isValidFeeRule } from './fee-rules.ts';

/** A problem with a permit type: its message code, what it concerns (API path) and message parameters. */
export interface PermitTypeProblem {
  code: string;
  path: string;
  params: Record<string, string | number>;
}

const NUMERIC = new Set(['number', 'money', 'area']);

/** The problems of a permit type, in the order of the form (none when it can be saved). */
export function checkPermitType(input: Pick<PermitTypeInput, 'fields' | 'documents' | 'feeRule'>) {
  const problems: PermitTypeProblem[] = [];
  const seen = new Map<string, (typeof input.fields)[number]>();
  input.fields.forEach((field, i) => {
    if (seen.has(field.key))
      problems.push({
        code: 'permit.type_key_duplicate',
        path: `fields.${i}.key`,
        params: { key: field.key },
      });
    if (field.type === 'select' && (field.options?.length ?? 0) === 0)
      problems.push({
        code: 'permit.type_options_required',
        path: `fields.${i}.options`,
        params: { key: field.key },
      });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      problems.push({
        code: 'permit.type_range_invalid',
        path: `fields.${i}.max`,
        params: { key: field.key },
      });
    // A condition reads a field asked before this one (the form is filled from top to bottom).
    if (field.showIf && !seen.has(field.showIf.field))
      problems.push({
        code: 'permit.type_condition_unknown',
        path: `fields.${i}.showIf.field`,
        params: { key: field.key, field: field.showIf.field },
      });
    seen.set(field.key, field);
  });
  const documentKeys = new Set<string>();
  input.documents.forEach((document, i) => {
    if (documentKeys.has(document.key))
      problems.push({
        code: 'permit.type_key_duplicate',
        path: `documents.${i}.key`,
        params: { key: document.key },
      });
    documentKeys.add(document.key);
    if (document.showIf && !seen.has(document.showIf.field))
      problems.push({
        code: 'permit.type_condition_unknown',
        path: `documents.${i}.showIf.field`,
        params: { key: document.key, field: document.showIf.field },
      });
  });
  const rule = input.feeRule;
  if (!isValidFeeRule(rule)) problems.push({ code: 'permit.fee_rule_invalid', path: 'feeRule', params: {} });
  else if (rule.kind === 'per_area' || rule.kind === 'per_thousand') {
    const key = rule.kind === 'per_area' ? rule.areaField : rule.valueField;
    const field = seen.get(key);
    if (!field || !NUMERIC.has(field.type))
      problems.push({
        code: 'permit.type_fee_field_invalid',
        path: rule.kind === 'per_area' ? 'feeRule.areaField' : 'feeRule.valueField',
        params: { field: key },
      });
  }
  return problems;
}
