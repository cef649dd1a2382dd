// Survey questions and answers: pure definitions and checks, no I/O (tested and reused by the web form).

/** Text written by staff in both languages. */
export interface BilingualText {
  fr: string;
  en: string;
}

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'number', 'scale', 'ranking', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One choice of a single, multiple or ranking question. */
export interface QuestionOption {
  key: string;
  label: BilingualText;
}

/** Show a question only when an earlier choice question got one of these options. */
export interface ShowIf {
  question: string;
  anyOf: string[];
}

/** A question as staff define it. */
export interface Question {
  key: string;
  type: QuestionType;
  label: BilingualText;
  help?: BilingualText;
  required: boolean;
  options?: QuestionOption[];
  /** number: bounds; scale: the ends of the scale (1–5 by default); multiple: how many choices at most. */
  min?: number;
  max?: number;
  minLabel?: BilingualText;
  maxLabel?: BilingualText;
  showIf?: ShowIf;
}

/** A person's answers, by question key. */
export type Answers = Record<string, unknown>;

/** A problem with one question (definition or answer), as a message code. */
export interface QuestionProblem {
  question: string;
  code: string;
}

const CHOICE: ReadonlySet<QuestionType> = new Set(['single', 'multiple', 'ranking']);
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a question is answered by picking options. */
export function isChoice(q: Question): boolean {
  return CHOICE.has(q.type);
}

/** The bounds of a scale question. */
export function scaleBounds(q: Question): { min: number; max: number } {
  return { min: q.min ?? 1, max: q.max ?? 5 };
}

/**
 * Checks a questionnaire: unique keys, options where needed, sane bounds, and conditions that point to
 * an earlier choice question and to its options (earlier only, so conditions can never loop).
 */
export function checkQuestions(questions: readonly Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const seen = new Map<string, Question>();
  for (const q of questions) {
    const bad = (code: string) => problems.push({ question: q.key, code });
    if (!KEY.test(q.key)) bad('survey.question_key_invalid');
    if (seen.has(q.key)) bad('survey.question_key_duplicate');
    if (!q.label.fr.trim() || !q.label.en.trim()) bad('survey.question_label_missing');
    if (isChoice(q)) {
      const options = q.options ?? [];
      if (options.length < 2) bad('survey.question_options_missing');
      if (new Set(options.map((o) => o.key)).size !== options.length)
        bad('survey.question_options_duplicate');
      if (options.some((o) => !o.label.fr.trim() || !o.label.en.trim())) bad('survey.question_label_missing');
    }
    if (q.type === 'scale') {
      const { min, max } = scaleBounds(q);
      if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min || max - min > 10) {
        bad('survey.question_bounds_invalid');
      }
    }
    if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.max < q.min) {
      bad('survey.question_bounds_invalid');
    }
    if (q.showIf) {
      const target = seen.get(q.showIf.question);
      if (!target || !isChoice(target)) bad('survey.condition_invalid');
      else {
        const keys = new Set((target.options ?? []).map((o) => o.key));
        if (q.showIf.anyOf.length === 0 || q.showIf.anyOf.some((k) => !keys.has(k))) {
          bad('survey.condition_invalid');
        }
      }
    }
    seen.set(q.key, q);
  }
  return problems;
}

function picked(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The questions a person sees given their answers so far (a hidden question hides its dependants too). */
export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  const shown = new Set<string>();
  const result: Question[] = [];
  for (const q of questions) {
    if (q.showIf) {
      if (!shown.has(q.showIf.question)) continue;
      const chosen = picked(answers[q.showIf.question]);
      if (!q.showIf.anyOf.some((k) => chosen.includes(k))) continue;
    }
    shown.add(q.key);
    result.push(q);
  }
  return result;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function checkAnswer(q: Question, value: unknown): string | null {
  const keys = new Set((q.options ?? []).map((o) => o.key));
  switch (q.type) {
    case 'single':
      return typeof value === 'string' && keys.has(value) ? null : 'survey.answer_option_unknown';
    case 'multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !keys.has(v))) {
        return 'survey.answer_option_unknown';
      }
      if (new Set(value).size !== value.length) return 'survey.answer_option_unknown';
      return q.max !== undefined && value.length > q.max ? 'survey.answer_too_many' : null;
    }
    case 'ranking':
      // A ranking orders every option once.
      return Array.isArray(value) &&
        value.length === keys.size &&
        new Set(value).size === keys.size &&
        value.every((v) => typeof v === 'string' && keys.has(v))
        ? null
        : 'survey.answer_ranking_invalid';
    case 'text':
      return typeof value === 'string' && value.length <= 5000 ? null : 'survey.answer_text_invalid';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'survey.answer_number_invalid';
      if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max)) {
        return 'survey.answer_out_of_range';
      }
      return null;
    }
    case 'scale': {
      const { min, max } = scaleBounds(q);
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : 'survey.answer_out_of_range';
    }
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'survey.answer_date_invalid';
  }
}

/**
 * Checks a person's answers against the questionnaire. Returns the answers to keep (those of visible
 * questions, trimmed; answers to hidden or unknown questions are dropped) and the problems found.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Answers,
): { kept: Answers; problems: QuestionProblem[] } {
  const kept: Answers = {};
  const problems: QuestionProblem[] = [];
  for (const q of visibleQuestions(questions, answers)) {
    const value = typeof answers[q.key] === 'string' ? (answers[q.key] as string).trim() : answers[q.key];
    if (isEmpty(value)) {
      if (q.required) problems.push({ question: q.key, code: 'survey.answer_required' });
      continue;
    }
    const code = checkAnswer(q, value);
    if (code) problems.push({ question: q.key, code });
    else kept[q.key] = value;
  }
  return { kept, problems };
}
