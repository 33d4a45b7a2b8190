import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followServiceRequest, register } from '@/api/activities';
import { ApiError } from '@/api/problem';
import { findStations } from '@/api/registry';
import { fileObjection, getNotice } from '@/api/review';

type Handler = (request: Request) => Response | Promise<Response>;
let requests: Request[] = [];

function answer(handler: Handler) {
  requests = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      requests.push(request.clone());
      return handler(request);
    }),
  );
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

beforeEach(() => {
  requests = [];
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('one client per service, through the gateway on this origin', () => {
  it('reads a notice at /api/review/public/notices/{id}', async () => {
    answer(() => json(200, { id: 'n-1', entries: [] }));
    await expect(getNotice('n-1')).resolves.toMatchObject({ id: 'n-1' });
    expect(new URL(requests[0]!.url).pathname).toBe('/api/review/public/notices/n-1');
    expect(requests[0]!.method).toBe('GET');
  });

  it("searches the register with the document's query parameters, leaving out the empty ones", async () => {
    answer(() => json(200, { items: [], total: 0, limit: 20, offset: 0 }));
    await findStations({ district_code: '440106', service: undefined, name: '天河', limit: 20, offset: 40 });
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/registry/public/stations');
    expect(Object.fromEntries(url.searchParams)).toEqual({ district_code: '440106', name: '天河', limit: '20', offset: '40' });
  });

  it('follows a service request with its reference and USCC', async () => {
    answer(() => json(200, { id: 'sr-1', status: 'received' }));
    await followServiceRequest('sr-1', '91440106MA59C1XE2H');
    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/activities/service-requests/sr-1/progress');
    expect(url.searchParams.get('uscc')).toBe('91440106MA59C1XE2H');
  });

  it('registers for an activity with a JSON body', async () => {
    answer(() => json(201, { registration_id: 'r-1', activity_id: 'a-1', message: '报名成功 (registered)', registered_at: '2027-03-01T02:00:00Z' }));
    const body = { company_name: '广州某公司', uscc: '91440106MA59C1XE2H', contact_name: '李小明', contact_phone: '13800138000' };
    await register('a-1', body);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual(body);
  });
});

describe('an objection is sent as multipart/form-data', () => {
  it('with its text fields and the sealed scan, and no JSON content type', async () => {
    answer(() => json(201, { id: 'o-1', notice_id: 'n-1', target_application_id: 'app-1', filed_at: '2026-10-01T02:00:00Z', status: 'received', message: '' }));
    // An ASCII name: happy-dom's multipart parser reads a UTF-8 file name as Latin-1 (browsers do not).
    const scan = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'letter.pdf', { type: 'application/pdf' });
    await fileObjection(
      'n-1',
      { objector_type: 'organisation', target_application_id: 'app-1', grounds: '理由'.repeat(6), organisation_name: '广州市某商会', contact_phone: '020-12345678', contact_email: null },
      scan,
    );
    const request = requests[0]!;
    expect(new URL(request.url).pathname).toBe('/api/review/public/notices/n-1/objections');
    expect(request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request.formData();
    expect(form.get('objector_type')).toBe('organisation');
    expect(form.get('organisation_name')).toBe('广州市某商会');
    expect(form.has('contact_email')).toBe(false);
    expect((form.get('seal_scan') as File).name).toBe('letter.pdf');
  });
});

describe('a failed call', () => {
  it('throws the problem it answered with', async () => {
    answer(() =>
      json(
        422,
        { type: 'https://sme.gz.gov.cn/problems/validation-failed', title: '请求参数有误 (Validation failed)', status: 422, errors: [{ field: 'id_number', message: '居民身份证号码无效，请核对 (invalid)', code: 'invalid_checksum' }] },
        'application/problem+json',
      ),
    );
    const failure = await fileObjection('n-1', {}, null).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(422);
    expect((failure as ApiError).problem?.errors?.[0]?.field).toBe('id_number');
  });

  it('throws status 0 when there is no answer at all', async () => {
    answer(() => Promise.reject(new TypeError('Failed to fetch')));
    const failure = await getNotice('n-1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(0);
  });

  it('throws with no problem when the answer is not one (a proxy error page)', async () => {
    answer(() => new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const failure = (await getNotice('n-1').catch((e: unknown) => e)) as ApiError;
    expect(failure.status).toBe(502);
    expect(failure.problem).toBeNull();
  });
});
