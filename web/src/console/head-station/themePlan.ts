/**
 * The form of a year's themed-month plan (§3.3(3)): twelve months, each with a theme, its name and
 * what the month means to achieve (one goal a line). A month left empty is not planned; a month
 * that has ended is history and is not sent; only months that changed go to the service.
 */
import type { MonthIn, ThemeKind, ThemeMonth } from './programmeCalls';
import { programmeTexts } from './programmeTexts';

export interface MonthForm {
  month: number;
  theme: ThemeKind | '';
  /** Required for a custom theme; for the others the service names the month when it is left empty. */
  title: string;
  /** One goal a line. */
  goals: string;
  /** The month has ended: it can no longer change. */
  past: boolean;
  /** The published revision, null when not yet planned. */
  revision: number | null;
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The field ids of a month (for the error summary's links). */
export const monthField = (month: number, part: 'theme' | 'title' | 'goals') => `m${month}-${part}`;

export function goalLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The twelve months of `year` as the service has them; `today` is Guangzhou's "YYYY-MM-DD". */
export function planForm(year: number, published: readonly ThemeMonth[], today: string): MonthForm[] {
  const [thisYear, thisMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return MONTHS.map((month) => {
    const planned = published.find((m) => m.month === month);
    return {
      month,
      theme: planned?.theme ?? '',
      title: planned?.title ?? '',
      goals: planned ? planned.goals.join('\n') : '',
      past: year < thisYear || (year === thisYear && month < thisMonth),
      revision: planned?.revision ?? null,
    };
  });
}

function isBlank(form: MonthForm): boolean {
  return form.theme === '' && form.title.trim() === '' && goalLines(form.goals).length === 0;
}

function asSent(form: MonthForm): MonthIn {
  const title = form.title.trim();
  return { month: form.month, theme: form.theme as ThemeKind, title: title === '' ? null : title, goals: goalLines(form.goals) };
}

function unchanged(sent: MonthIn, published: ThemeMonth | undefined): boolean {
  if (!published) return false;
  const title = sent.title ?? programmeTexts.themeMonths.defaultTitles[sent.theme] ?? '';
  return (
    sent.theme === published.theme &&
    title === published.title &&
    sent.goals.length === published.goals.length &&
    sent.goals.every((goal, i) => goal === published.goals[i])
  );
}

/** The months to send: filled in, not ended, and different from what is published. */
export function planBody(forms: readonly MonthForm[], published: readonly ThemeMonth[]): MonthIn[] {
  return forms
    .filter((form) => !form.past && !isBlank(form))
    .map(asSent)
    .filter((sent) => !unchanged(sent, published.find((m) => m.month === sent.month)));
}

/** What must be put right first, by field id (`m3-goals`, …). */
export function planProblems(forms: readonly MonthForm[]): Record<string, string> {
  const say = programmeTexts.themeMonths.problems;
  const problems: Record<string, string> = {};
  for (const form of forms) {
    if (form.past) continue;
    if (isBlank(form)) {
      if (form.revision !== null) problems[monthField(form.month, 'theme')] = say.cannotRemove(form.month);
      continue;
    }
    if (form.theme === '') problems[monthField(form.month, 'theme')] = say.theme(form.month);
    const title = form.title.trim();
    if (form.theme === 'custom' && title === '') problems[monthField(form.month, 'title')] = say.customTitle(form.month);
    else if (title.length > 200) problems[monthField(form.month, 'title')] = say.titleLength(form.month);
    const goals = goalLines(form.goals);
    if (goals.length === 0) problems[monthField(form.month, 'goals')] = say.goals(form.month);
    else if (goals.some((goal) => goal.length < 2 || goal.length > 500)) {
      problems[monthField(form.month, 'goals')] = say.goalLength(form.month);
    }
  }
  return problems;
}

/** Every field id of the form, in the order the page shows them. */
export const PLAN_FIELDS: readonly string[] = MONTHS.flatMap((month) =>
  (['theme', 'title', 'goals'] as const).map((part) => monthField(month, part)),
);

/**
 * The service's field errors name `months.<index>.<field>` of the body sent: the page's field of
 * that month (`m<month>-<field>`).
 */
export function planAliases(sent: readonly MonthIn[]): Record<string, string> {
  const aliases: Record<string, string> = {};
  sent.forEach((month, index) => {
    for (const part of ['theme', 'title', 'goals'] as const) {
      aliases[`months.${index}.${part}`] = monthField(month.month, part);
    }
    month.goals.forEach((_, goal) => (aliases[`months.${index}.goals.${goal}`] = monthField(month.month, 'goals')));
  });
  return aliases;
}
