// A permit type as the staff editor holds it (every input a string or a checkbox), and the conversions to and
// from the API: dollars ↔ cents, choices written one per line, conditions on an earlier field.
import type { ApiData, ApiPaths } from '../../../app/api.ts';

export type StaffPermitType = ApiData<'/api/orgs/{orgId}/portal/permits/staff/types', 'get'>['items'][number];
type SaveOperation = ApiPaths['/api/orgs/{orgId}/portal/permits/staff/types/{code}']['put'];
export type PermitTypeBody = NonNullable<SaveOperation['requestBody']>['content']['application/json'];
type ApiField = StaffPermitType['fields'][number];
type ApiDocument = StaffPermitType['documents'][number];

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'area',
  'date',
  'select',
  'boolean',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const NUMERIC_TYPES: readonly FieldType[] = ['number', 'money', 'area'];
export const FEE_KINDS = ['none', 'fixed', 'per_area', 'per_thousand'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** A condition: asked only when an earlier field has a value ('' field: always asked). */
export interface ConditionDraft {
  showIfField: string;
  showIfEquals: string;
}

export interface FieldDraft extends ConditionDraft {
  uid: string;
  key: string;
  type: FieldType;
  labelFr: string;
  labelEn: string;
  hintFr: string;
  hintEn: string;
  required: boolean;
  min: string;
  max: string;
  /** One choice a line: `value | libellé | label`. */
  options: string;
}

export interface DocumentDraft extends ConditionDraft {
  uid: string;
  key: string;
  labelFr: string;
  labelEn: string;
  required: boolean;
}

export interface TypeDraft {
  code: string;
  kind: 'permit' | 'declaration';
  nameFr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionEn: string;
  legalDelayDays: string;
  validityMonths: string;
  position: string;
  active: boolean;
  fields: FieldDraft[];
  documents: DocumentDraft[];
  feeKind: FeeKind;
  /** Dollars: the fixed fee, or the rate per m² or per $1,000. */
  feeAmount: string;
  feeField: string;
  feeMin: string;
  feeMax: string;
  feeBase: string;
  bldsType: string;
  workClass: 'New' | 'Existing';
  permitClass: 'Residential' | 'Non-Residential';
}

let uids = 0;
/** A key for React lists that survives reordering. */
export const newUid = () => `pt-${++uids}`;

const dollars = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2));
const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

function condition(item: { showIf?: { field: string; equals: string | boolean } }): ConditionDraft {
  return {
    showIfField: item.showIf?.field ?? '',
    showIfEquals: item.showIf === undefined ? '' : String(item.showIf.equals),
  };
}

export function emptyField(): FieldDraft {
  return {
    uid: newUid(),
    key: '',
    type: 'text',
    labelFr: '',
    labelEn: '',
    hintFr: '',
    hintEn: '',
    required: false,
    min: '',
    max: '',
    options: '',
    showIfField: '',
    showIfEquals: '',
  };
}

export function emptyDocument(): DocumentDraft {
  return {
    uid: newUid(),
    key: '',
    labelFr: '',
    labelEn: '',
    required: true,
    showIfField: '',
    showIfEquals: '',
  };
}

export function emptyType(): TypeDraft {
  return {
    code: '',
    kind: 'permit',
    nameFr: '',
    nameEn: '',
    descriptionFr: '',
    descriptionEn: '',
    legalDelayDays: '30',
    validityMonths: '12',
    position: '0',
    active: true,
    fields: [],
    documents: [],
    feeKind: 'fixed',
    feeAmount: '',
    feeField: '',
    feeMin: '',
    feeMax: '',
    feeBase: '',
    bldsType: '',
    workClass: 'Existing',
    permitClass: 'Residential',
  };
}

const fieldDraft = (f: ApiField): FieldDraft => ({
  uid: newUid(),
  key: f.key,
  type: f.type,
  labelFr: f.label.fr,
  labelEn: f.label.en,
  hintFr: f.hint?.fr ?? '',
  hintEn: f.hint?.en ?? '',
  required: f.required ?? false,
  min: numberText(f.min),
  max: numberText(f.max),
  options: (f.options ?? []).map((o) => `${o.value} | ${o.label.fr} | ${o.label.en}`).join('\n'),
  ...condition(f),
});

const documentDraft = (d: ApiDocument): DocumentDraft => ({
  uid: newUid(),
  key: d.key,
  labelFr: d.label.fr,
  labelEn: d.label.en,
  required: d.required,
  ...condition(d),
});

/** The editor's copy of a saved type. */
export function toDraft(type: StaffPermitType): TypeDraft {
  const rule = type.feeRule;
  const base = emptyType();
  return {
    ...base,
    code: type.code,
    kind: type.kind,
    nameFr: type.name.fr,
    nameEn: type.name.en,
    descriptionFr: type.description.fr,
    descriptionEn: type.description.en,
    legalDelayDays: String(type.legalDelayDays),
    validityMonths: String(type.validityMonths),
    position: String(type.position),
    active: type.active,
    fields: type.fields.map(fieldDraft),
    documents: type.documents.map(documentDraft),
    feeKind: rule.kind,
    feeAmount:
      rule.kind === 'fixed'
        ? dollars(rule.cents)
        : rule.kind === 'per_area'
          ? dollars(rule.centsPerSquareMetre)
          : rule.kind === 'per_thousand'
            ? dollars(rule.centsPerThousand)
            : '',
    feeField: rule.kind === 'per_area' ? rule.areaField : rule.kind === 'per_thousand' ? rule.valueField : '',
    feeMin: 'minCents' in rule ? dollars(rule.minCents) : '',
    feeMax: 'maxCents' in rule ? dollars(rule.maxCents) : '',
    feeBase: 'baseCents' in rule ? dollars(rule.baseCents) : '',
    bldsType: type.blds.permitTypeMapped,
    workClass: type.blds.workClassMapped,
    permitClass: type.blds.permitClassMapped,
  };
}

/** A problem the editor finds before asking the server: where (API path) and a message key. */
export interface DraftProblem {
  field: string;
  message: 'types.amountRequired' | 'types.amountInvalid' | 'types.wholeNumber' | 'types.numberInvalid';
}

// Amounts are typed in dollars with a comma or a point; cents go to the server.
function cents(text: string, path: string, problems: DraftProblem[], required = false): number | undefined {
  const clean = text.trim().replace(/\s/g, '').replace(',', '.');
  if (clean === '') {
    if (required) problems.push({ field: path, message: 'types.amountRequired' });
    return undefined;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
    problems.push({ field: path, message: 'types.amountInvalid' });
    return undefined;
  }
  return Math.round(Number(clean) * 100);
}

function whole(text: string, path: string, problems: DraftProblem[]): number {
  if (!/^\d+$/.test(text.trim())) problems.push({ field: path, message: 'types.wholeNumber' });
  return Number(text.trim());
}

function optionalNumber(text: string, path: string, problems: DraftProblem[]): number | undefined {
  const clean = text.trim().replace(',', '.');
  if (clean === '') return undefined;
  const n = Number(clean);
  if (!Number.isFinite(n)) problems.push({ field: path, message: 'types.numberInvalid' });
  return n;
}

/** What the condition of an item says, with `true`/`false` for a yes-no field. */
function showIf(item: ConditionDraft, fields: readonly FieldDraft[]) {
  if (!item.showIfField) return {};
  const on = fields.find((f) => f.key === item.showIfField);
  const equals =
    on?.type === 'boolean' ? item.showIfEquals === 'true' : (item.showIfEquals as string | boolean);
  return { showIf: { field: item.showIfField, equals } };
}

/** The body to save, or the problems that keep it from being sent. */
export function fromDraft(draft: TypeDraft): { body: PermitTypeBody } | { problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const fields = draft.fields.map((f, i) => {
    const options = f.options
      .split('\n')
      .map((line) => line.split('|').map((part) => part.trim()))
      .filter((parts) => parts[0])
      .map(([value = '', fr = '', en = '']) => ({
        value,
        label: { fr: fr || value, en: en || fr || value },
      }));
    const hint =
      f.hintFr.trim() || f.hintEn.trim() ? { hint: { fr: f.hintFr, en: f.hintEn || f.hintFr } } : {};
    const numeric = NUMERIC_TYPES.includes(f.type);
    const min = numeric ? optionalNumber(f.min, `fields.${i}.min`, problems) : undefined;
    const max = numeric ? optionalNumber(f.max, `fields.${i}.max`, problems) : undefined;
    return {
      key: f.key.trim(),
      type: f.type,
      label: { fr: f.labelFr, en: f.labelEn },
      ...hint,
      required: f.required,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(f.type === 'select' ? { options } : {}),
      ...showIf(f, draft.fields),
    };
  });
  const documents = draft.documents.map((d) => ({
    key: d.key.trim(),
    label: { fr: d.labelFr, en: d.labelEn },
    required: d.required,
    ...showIf(d, draft.fields),
  }));
  const limits = {
    ...optionalCents('minCents', cents(draft.feeMin, 'feeRule.minCents', problems)),
    ...optionalCents('maxCents', cents(draft.feeMax, 'feeRule.maxCents', problems)),
    ...optionalCents('baseCents', cents(draft.feeBase, 'feeRule.baseCents', problems)),
  };
  const feeRule: PermitTypeBody['feeRule'] =
    draft.feeKind === 'none'
      ? { kind: 'none' }
      : draft.feeKind === 'fixed'
        ? { kind: 'fixed', cents: cents(draft.feeAmount, 'feeRule.cents', problems, true) ?? 0 }
        : draft.feeKind === 'per_area'
          ? {
              kind: 'per_area',
              centsPerSquareMetre: cents(draft.feeAmount, 'feeRule.centsPerSquareMetre', problems, true) ?? 0,
              areaField: draft.feeField,
              ...limits,
            }
          : {
              kind: 'per_thousand',
              centsPerThousand: cents(draft.feeAmount, 'feeRule.centsPerThousand', problems, true) ?? 0,
              valueField: draft.feeField,
              ...limits,
            };
  const body: PermitTypeBody = {
    kind: draft.kind,
    nameFr: draft.nameFr,
    nameEn: draft.nameEn,
    descriptionFr: draft.descriptionFr,
    descriptionEn: draft.descriptionEn,
    fields,
    documents,
    feeRule,
    legalDelayDays: whole(draft.legalDelayDays, 'legalDelayDays', problems),
    validityMonths: whole(draft.validityMonths, 'validityMonths', problems),
    position: whole(draft.position, 'position', problems),
    active: draft.active,
    blds: {
      permitTypeMapped: draft.bldsType,
      workClassMapped: draft.workClass,
      permitClassMapped: draft.permitClass,
    },
  };
  return problems.length ? { problems } : { body };
}

function optionalCents(name: string, value: number | undefined): Record<string, number> {
  return value === undefined ? {} : { [name]: value };
}
