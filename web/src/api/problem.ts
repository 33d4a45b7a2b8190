/**
 * RFC 9457 problem details as the services answer them (libs/kit `sme_kit.problems`), and the one
 * place that turns a failed call into what a form shows: a form-level message and a message per
 * field, in Chinese.
 *
 * The services write bilingual text, "中文 (English)"; visitors read the Chinese part only.
 */

/** One field that failed validation (a 422 problem's `errors` member). */
export interface FieldProblem {
  /** Dotted path such as `staff.1.phone`; a query or form parameter's own name. */
  field: string;
  message: string;
  code: string;
  location?: 'body' | 'query' | 'path' | 'header' | 'cookie';
}

export interface Problem {
  type: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** A call that did not succeed: the HTTP status (0: no answer at all) and its problem, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, cause?: unknown) {
    super(problem?.detail ?? `HTTP ${status}`, cause === undefined ? undefined : { cause });
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}

/** The body as a problem, or null when it is not one (an HTML error page from a proxy, say). */
export function asProblem(body: unknown, status: number): Problem | null {
  if (!isRecord(body) || (typeof body.type !== 'string' && typeof body.detail !== 'string')) return null;
  const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : undefined;
  return {
    ...body,
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    status: typeof body.status === 'number' ? body.status : status,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.title === 'string' ? { title: body.title } : {}),
    ...(errors ? { errors } : {}),
  } as Problem;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The Chinese part of a bilingual message: "公示期已结束 (the notice period ended)" → "公示期已结束".
 * Text with no Chinese in it is returned as it is; callers decide what to show instead.
 */
export function chinesePart(text: string): string {
  let result = text.trim().replace(/^Value error,\s*/i, '');
  if (!CJK.test(result)) return result;
  // Drop trailing ASCII parentheses that hold English ("… (objections are no longer accepted)").
  for (;;) {
    const stripped = result.replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*$/, '');
    if (stripped === result || !CJK.test(stripped)) break;
    result = stripped;
  }
  return result.trim();
}

/** Chinese for the validator's own codes, used when a field message has no Chinese in it. */
const FIELD_CODE_MESSAGES: Record<string, string> = {
  missing: '请填写此项',
  string_too_short: '填写的内容过短',
  string_too_long: '填写的内容过长',
  string_pattern_mismatch: '格式不正确，请核对',
  string_type: '请填写文字内容',
  enum: '请从给出的选项中选择',
  literal_error: '请从给出的选项中选择',
  int_parsing: '请填写整数',
  int_type: '请填写整数',
  bool_parsing: '请选择“是”或“否”',
  date_parsing: '日期格式不正确',
  date_from_datetime_parsing: '日期格式不正确',
  too_short: '填写的项目过少',
  too_long: '填写的项目过多',
  greater_than_equal: '数值过小',
  less_than_equal: '数值过大',
  file_type: '文件类型不符合要求',
  file_rejected: '文件未能接收，请检查文件类型和大小',
};

export const DEFAULT_FIELD_MESSAGE = '此项内容不符合要求，请核对';

/** What a visitor reads beside a field the service refused. */
export function fieldMessage(problem: FieldProblem): string {
  const chinese = chinesePart(problem.message);
  if (CJK.test(chinese)) return chinese;
  return FIELD_CODE_MESSAGES[problem.code] ?? DEFAULT_FIELD_MESSAGE;
}

export const NETWORK_MESSAGE = '无法连接到服务器，请检查网络连接后重试。';
export const SERVER_MESSAGE = '系统暂时无法处理您的请求，请稍后再试。';

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查填写的内容后重试。',
  401: '请先登录。',
  403: '您没有办理此事项的权限。',
  404: '没有找到相关信息，可能已被删除或地址有误。',
  409: '当前状态下无法办理此事项。',
  413: '上传的文件过大，请压缩后重新上传。',
  415: '不支持该文件或内容类型。',
  422: '填写的内容有误，请修改后重新提交。',
  429: '提交过于频繁，请稍后再试。',
};

export interface FormErrors {
  /** Shown at the top of the form (the error summary's description); empty when only fields failed. */
  message: string;
  /** Field name → its own error text, shown beside the field and linked from the summary. */
  fields: Record<string, string>;
}

/** The form field a dotted path names (`uscc`; `body.uscc` from a service that keeps the location). */
function formField(
  path: string,
  known: ReadonlySet<string> | null,
  aliases: Readonly<Record<string, string>>,
): string | null {
  const bare = path.replace(/^(body|query|path)\./, '');
  const field = aliases[bare] ?? bare;
  if (known === null) return field;
  return known.has(field) ? field : null;
}

/**
 * Turns whatever a call threw into what a form shows.
 *
 * `knownFields`: the fields the form has. A field error for any other field (a path parameter,
 * say) joins the form-level message, so nothing the service said is lost. `aliases` names the
 * form field of a parameter the form calls otherwise (`request_id` → `reference`).
 */
export function toFormErrors(
  error: unknown,
  knownFields?: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): FormErrors {
  if (!(error instanceof ApiError)) return { message: SERVER_MESSAGE, fields: {} };
  if (error.status === 0) return { message: NETWORK_MESSAGE, fields: {} };
  const problem = error.problem;
  if (error.status >= 500 || problem === null) {
    const base = error.status >= 500 || !STATUS_MESSAGES[error.status] ? SERVER_MESSAGE : STATUS_MESSAGES[error.status]!;
    const trace = typeof problem?.trace_id === 'string' ? `（如需协助，请提供查询编号 ${problem.trace_id}）` : '';
    return { message: base + trace, fields: {} };
  }
  const known = knownFields ? new Set(knownFields) : null;
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of problem.errors ?? []) {
    const field = formField(item.field, known, aliases);
    const text = fieldMessage(item);
    if (field === null) unplaced.push(text);
    else if (!(field in fields)) fields[field] = text;
  }
  if (Object.keys(fields).length > 0 || unplaced.length > 0) {
    return { message: unplaced.join('；'), fields };
  }
  const detail = problem.detail ? chinesePart(problem.detail) : '';
  const message = CJK.test(detail) ? detail : (STATUS_MESSAGES[error.status] ?? SERVER_MESSAGE);
  return { message, fields };
}

/** One sentence for a page that could not load (no form to put field errors on). */
export function loadFailureMessage(error: unknown): string {
  const { message, fields } = toFormErrors(error);
  return message || Object.values(fields).join('；') || SERVER_MESSAGE;
}
