import { describe, expect, it } from 'vitest';
import {
  ApiError,
  asProblem,
  chinesePart,
  fieldMessage,
  loadFailureMessage,
  NETWORK_MESSAGE,
  SERVER_MESSAGE,
  toFormErrors,
} from '@/api/problem';

const validation = (errors: Array<{ field: string; message: string; code: string; location?: string }>) =>
  new ApiError(
    422,
    asProblem(
      {
        type: 'https://sme.gz.gov.cn/problems/validation-failed',
        title: '请求参数有误 (Validation failed)',
        status: 422,
        detail: `有 ${errors.length} 项参数不符合要求 (${errors.length} field(s) failed validation)`,
        errors,
      },
      422,
    ),
  );

describe('chinesePart', () => {
  it('keeps the Chinese of a bilingual message', () => {
    expect(chinesePart('请注明联系电话 (contact phone required)')).toBe('请注明联系电话');
  });

  it('keeps full-width brackets that belong to the Chinese', () => {
    expect(
      chinesePart(
        '公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议 (the notice period ended at 2026-10-09T23:59:59+08:00; objections are no longer accepted)',
      ),
    ).toBe('公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议');
  });

  it("drops pydantic's 'Value error,' prefix", () => {
    expect(chinesePart('Value error, 统一社会信用代码无效（校验位不符） (not a valid unified social credit code)')).toBe(
      '统一社会信用代码无效（校验位不符）',
    );
  });

  it('leaves English-only text alone (the caller falls back by code)', () => {
    expect(chinesePart('Field required')).toBe('Field required');
  });
});

describe('fieldMessage', () => {
  it("uses the service's Chinese when there is some", () => {
    expect(fieldMessage({ field: 'grounds', message: '请写明异议内容和理由（10 至 5000 字）(state the objection)', code: 'length' })).toBe(
      '请写明异议内容和理由（10 至 5000 字）',
    );
  });

  it("translates the validator's English by its code", () => {
    expect(fieldMessage({ field: 'uscc', message: 'Field required', code: 'missing' })).toBe('请填写此项');
    expect(fieldMessage({ field: 'contact_phone', message: "String should match pattern '^[0-9]+$'", code: 'string_pattern_mismatch' })).toBe(
      '格式不正确，请核对',
    );
  });

  it('says something sensible for an unknown code', () => {
    expect(fieldMessage({ field: 'x', message: 'Weird', code: 'weird' })).toMatch(/不符合要求/);
  });
});

describe('toFormErrors', () => {
  it('puts each field error beside its field, in Chinese, with no form-level message', () => {
    const result = toFormErrors(
      validation([
        { field: 'contact_phone', message: '请注明联系电话 (contact phone required)', code: 'missing' },
        { field: 'uscc', message: 'Field required', code: 'missing', location: 'body' },
      ]),
      ['contact_phone', 'uscc'],
    );
    expect(result).toEqual({ message: '', fields: { contact_phone: '请注明联系电话', uscc: '请填写此项' } });
  });

  it('keeps the first error of a field that has several', () => {
    const result = toFormErrors(
      validation([
        { field: 'grounds', message: '第一条 (first)', code: 'a' },
        { field: 'grounds', message: '第二条 (second)', code: 'b' },
      ]),
    );
    expect(result.fields).toEqual({ grounds: '第一条' });
  });

  it('moves errors of fields the form does not have into the form-level message', () => {
    const result = toFormErrors(
      validation([
        { field: 'notice_id', message: '公示编号无效 (bad id)', code: 'invalid', location: 'path' },
        { field: 'grounds', message: '请写明理由 (grounds)', code: 'missing' },
      ]),
      ['grounds'],
    );
    expect(result).toEqual({ message: '公示编号无效', fields: { grounds: '请写明理由' } });
  });

  it('maps a parameter the form calls otherwise through an alias', () => {
    const result = toFormErrors(
      validation([{ field: 'request_id', message: '受理编号格式不正确 (bad reference)', code: 'invalid', location: 'path' }]),
      ['reference', 'uscc'],
      { request_id: 'reference' },
    );
    expect(result.fields).toEqual({ reference: '受理编号格式不正确' });
  });

  it('strips a location prefix from a dotted path', () => {
    const result = toFormErrors(validation([{ field: 'body.uscc', message: 'Field required', code: 'missing' }]), ['uscc']);
    expect(result.fields).toEqual({ uscc: '请填写此项' });
  });

  it("shows a conflict's own detail (the notice period has ended)", () => {
    const error = new ApiError(
      409,
      asProblem({ type: 'https://sme.gz.gov.cn/problems/state-conflict', status: 409, detail: '公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议 (ended)' }, 409),
    );
    expect(toFormErrors(error)).toEqual({ message: '公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议', fields: {} });
  });

  it("shows the gateway's 429 in Chinese", () => {
    const error = new ApiError(
      429,
      asProblem({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: '提交过于频繁，请稍后再试 (too many submissions from this address; try again in a minute)' }, 429),
    );
    expect(toFormErrors(error).message).toBe('提交过于频繁，请稍后再试');
  });

  it('falls back to a Chinese sentence when the detail is English only', () => {
    const error = new ApiError(404, asProblem({ type: 'about:blank', status: 404, detail: 'Not Found' }, 404));
    expect(toFormErrors(error).message).toMatch(/没有找到/);
  });

  it('never shows the internals of a server error, but gives the trace id for support', () => {
    const error = new ApiError(
      500,
      asProblem({ type: 'https://sme.gz.gov.cn/problems/internal-error', status: 500, detail: 'KeyError: x', trace_id: 'abc123' }, 500),
    );
    const { message } = toFormErrors(error);
    expect(message).toContain(SERVER_MESSAGE);
    expect(message).toContain('abc123');
    expect(message).not.toContain('KeyError');
  });

  it('explains a missing connection', () => {
    expect(toFormErrors(new ApiError(0, null, new TypeError('Failed to fetch')))).toEqual({ message: NETWORK_MESSAGE, fields: {} });
  });

  it('handles an answer that is not a problem (an HTML page from a proxy)', () => {
    expect(toFormErrors(new ApiError(502, asProblem('<html>Bad Gateway</html>', 502))).message).toBe(SERVER_MESSAGE);
    expect(toFormErrors(new ApiError(413, null)).message).toMatch(/文件过大/);
  });

  it('treats anything else thrown as a server problem', () => {
    expect(toFormErrors(new Error('boom')).message).toBe(SERVER_MESSAGE);
  });
});

describe('loadFailureMessage', () => {
  it('joins field errors when a page has no form to put them on', () => {
    const error = validation([{ field: 'name', message: '名称过长 (too long)', code: 'string_too_long', location: 'query' }]);
    expect(loadFailureMessage(error)).toBe('名称过长');
  });
});
