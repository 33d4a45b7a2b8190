import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { blankStaff, emptyForm } from '@/console/applicant/applicationForm';
import { useApplicationDraft } from '@/console/applicant/useApplicationDraft';
import { answer, json, signInAs } from '../fakes';

const ORG = '91440106MA5AUK3L7C';

beforeEach(() => setActivePinia(createPinia()));

function problem(errors: Array<{ field: string; message: string; code: string }>) {
  return json(
    422,
    { type: 'https://sme.gz.gov.cn/problems/validation-failed', title: '请求参数有误', status: 422, detail: '有 1 项参数不符合要求', errors },
    'application/problem+json',
  );
}

const saved = (body: Record<string, unknown>, status = 'draft') => ({
  ...body,
  id: 'a-1',
  status,
  district_name: '天河区',
  round_year: 2026,
  created_at: '2026-12-01T09:00:00+08:00',
  updated_at: '2026-12-01T09:00:00+08:00',
  submitted_at: null,
  forwarded_at: null,
  closed_at: null,
  submissions: 0,
  outcome_reason: null,
  district_decisions: [],
});

describe('saving a draft', () => {
  it('sends nothing for an organisation that may not apply, and says so on the USCC', async () => {
    await signInAs('station_operator');
    const seen = answer(() => json(201, {}));
    const draft = useApplicationDraft(() => '92440106MA59C1XE2E');
    draft.load({ ...emptyForm('92440106MA59C1XE2E'), entity_name: '某个体户' }, null);

    expect(await draft.save()).toBe(false);

    expect(seen).toHaveLength(0);
    expect(draft.errors.byField.uscc).toContain('个体工商户');
    expect(draft.errors.summary.value.map((item) => item.field)).toEqual(['uscc']);
    expect(draft.attempt.value).toBe(1);
  });

  it('POSTs the first time and PUTs after, the body built from the form', async () => {
    await signInAs('station_operator');
    const seen = answer(async (request) => json(request.method === 'POST' ? 201 : 200, saved(await request.json())));
    const draft = useApplicationDraft(() => ORG);
    draft.load({ ...emptyForm(ORG), entity_name: '广州市天河区智汇企业服务有限公司' }, null);

    expect(await draft.save()).toBe(true);
    draft.form.service_area = '天河全区';
    expect(draft.dirty.value).toBe(true);
    expect(await draft.save()).toBe(true);

    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/registry/applications',
      'PUT /api/registry/applications/a-1',
    ]);
    expect(await seen[1]!.json()).toMatchObject({ uscc: ORG, district_code: '440106', service_area: '天河全区', staff: [] });
    expect(draft.dirty.value).toBe(false);
  });

  it("shows the service's refusal on the field it names, a row's number mapped to the form's row", async () => {
    await signInAs('station_operator');
    answer(() => problem([{ field: 'body.staff.0.phone', message: "String should match pattern '^…$'", code: 'string_pattern_mismatch' }]));
    const draft = useApplicationDraft(() => null);
    const form = { ...emptyForm(ORG), entity_name: '广州市天河区智汇企业服务有限公司' };
    // The client's own phone check is what usually catches this; the service is the last word.
    form.staff = [blankStaff(), { name: '李明', role: '站长', phone: '13800138000' }];
    draft.load(form, null);

    expect(await draft.save()).toBe(false);

    expect(draft.errors.byField['staff.1.phone']).toBe('格式不正确，请核对');
    expect(draft.errors.summary.value.map((item) => item.field)).toEqual(['staff.1.phone']);
  });
});

describe('submitting', () => {
  it('checks §4.1.2 and the declaration before anything is sent', async () => {
    await signInAs('station_operator');
    const seen = answer(() => json(200, {}));
    const draft = useApplicationDraft(() => ORG);
    draft.load({ ...emptyForm(ORG), entity_name: '广州市天河区智汇企业服务有限公司' }, null);

    expect(draft.readyToSubmit(false)).toBe(false);

    expect(seen).toHaveLength(0);
    expect(draft.errors.byField.staff).toBe('须配备不少于 2 名专职工作人员，当前填报 0 名');
    expect(draft.errors.byField.declaration).toContain('请确认');
    expect(draft.errors.byField['attachments.business_licence']).toBe('请上传营业执照');
  });

  it("puts the service's 422 on submission onto the same fields", async () => {
    await signInAs('station_operator');
    const seen = answer(async (request) => {
      if (request.method === 'PUT') return json(200, saved(await request.json()));
      return problem([
        { field: 'uscc', message: '个体工商户不具备法人资格，不能申请认定服务站 (an individual business is not a legal person)', code: 'individual_business' },
        { field: 'staff', message: '须配备不少于2名专职工作人员，当前填报1名 (at least 2 full-time staff are required)', code: 'too_few_staff' },
      ]);
    });
    const draft = useApplicationDraft(() => ORG);
    draft.load({ ...emptyForm(ORG), entity_name: '广州市天河区智汇企业服务有限公司' }, saved({ uscc: ORG }) as never);

    expect(await draft.submit()).toBeNull();

    expect(seen.map((r) => r.method)).toEqual(['PUT', 'POST']);
    expect(new URL(seen[1]!.url).pathname).toBe('/api/registry/applications/a-1/submit');
    expect(draft.errors.byField.uscc).toBe('个体工商户不具备法人资格，不能申请认定服务站');
    expect(draft.errors.byField.staff).toBe('须配备不少于2名专职工作人员，当前填报1名');
    expect(draft.errors.summary.value.map((item) => item.field)).toEqual(['uscc', 'staff']);
  });
});
