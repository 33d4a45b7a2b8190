import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from '@/App.vue';
import { publicRoutes } from '@/router';

const NOTICE = {
  id: 'n-1',
  round_year: 2026,
  title: '2026年广州市民营和中小企业服务站拟认定名单公示',
  status: 'published',
  published_on: '2026-09-25',
  period_start: '2026-09-28',
  period_end: '2026-10-09',
  objection_deadline: '2026-10-09T23:59:59+08:00',
  accepting_objections: true,
  how_to_object: '如对公示名单有异议，须在公示期内以书面形式向市工业和信息化局提出。',
  objections_url: '/public/notices/n-1/objections',
  entries: [
    {
      application_id: 'app-1',
      entity_name: '广州市天河区创新企业服务有限公司',
      district_code: '440106',
      district_name: '天河区',
      operator_type: 'industrial_park',
      station_address: '广州市天河区天河北路 100 号',
      services: ['information', 'financing'],
    },
  ],
};

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

/** The services behind the gateway: the notice, and what the objection POST answers. */
function serve(objectionAnswer: () => Response) {
  const posted: FormData[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && path === '/api/review/public/notices/n-1') return json(200, NOTICE);
      if (request.method === 'POST' && path === '/api/review/public/notices/n-1/objections') {
        posted.push(await request.formData());
        return objectionAnswer();
      }
      return json(404, { type: 'about:blank', status: 404, detail: '资源不存在 (Not found)' }, 'application/problem+json');
    }),
  );
  return posted;
}

async function open(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: publicRoutes });
  await router.push(path);
  const wrapper = mount(App, { global: { plugins: [createPinia(), router] }, attachTo: document.body });
  await router.isReady();
  await flushPromises();
  return { wrapper, router };
}

async function answer(wrapper: ReturnType<typeof mount>, fill: () => Promise<void> | void) {
  await fill();
  await wrapper.get('form.question-form').trigger('submit');
  await flushPromises();
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('filing an objection, one question per page', () => {
  it('asks each question, checks the answers, files it and gives the reference number', async () => {
    const posted = serve(() =>
      json(201, {
        id: 'OBJ-2026-0001',
        notice_id: 'n-1',
        target_application_id: 'app-1',
        filed_at: '2026-10-01T02:00:00Z',
        status: 'received',
        message: '异议已受理，市工业和信息化局将进行调查核实 (received; the bureau will investigate)',
      }),
    );
    const { wrapper, router } = await open('/notices/n-1/objection');

    expect(wrapper.get('h1').text()).toBe('您对哪一家申请单位有异议？');
    // Continuing without an answer: the error summary and the field's own error.
    await answer(wrapper, () => undefined);
    expect(wrapper.get('.error-summary a').text()).toBe('请选择您有异议的申请单位');
    expect(wrapper.get('#field-target_application_id-error').text()).toContain('请选择您有异议的申请单位');

    await answer(wrapper, () => wrapper.get('#field-target_application_id').setValue(true));
    expect(router.currentRoute.value.query.step).toBe('grounds');

    await answer(wrapper, () => wrapper.get('#field-grounds').setValue('该单位实际专职人员不足两名，与申报材料不符。'));
    await answer(wrapper, () => wrapper.get('#field-objector_type-1').setValue(true)); // 个人
    expect(wrapper.get('h1').text()).toBe('您的实名信息');

    await answer(wrapper, async () => {
      await wrapper.get('#field-real_name').setValue('张三');
      await wrapper.get('#field-id_number').setValue('110105194912310021'); // wrong check digit
    });
    expect(wrapper.get('#field-id_number-error').text()).toContain('居民身份证号码无效，请核对');
    await answer(wrapper, () => wrapper.get('#field-id_number').setValue('11010519491231002X'));

    await answer(wrapper, () => wrapper.get('#field-contact_phone').setValue('13800138000'));
    expect(router.currentRoute.value.query.step).toBe('check');
    expect(wrapper.text()).toContain('广州市天河区创新企业服务有限公司');

    await answer(wrapper, () => undefined);
    expect(router.currentRoute.value.query.step).toBe('done');
    expect(wrapper.get('h1').text()).toBe('异议已提交');
    expect(wrapper.get('.confirmation-panel').text()).toContain('OBJ-2026-0001');
    expect(wrapper.text()).toContain('市工业和信息化局将对异议内容进行调查核实');

    const form = posted[0]!;
    expect(Object.fromEntries([...form.keys()].map((k) => [k, form.get(k)]))).toEqual({
      objector_type: 'individual',
      target_application_id: 'app-1',
      grounds: '该单位实际专职人员不足两名，与申报材料不符。',
      contact_phone: '13800138000',
      real_name: '张三',
      id_number: '11010519491231002X',
    });
  });

  it("shows the service's field errors on the check page and on the field's own page", async () => {
    serve(() =>
      json(
        422,
        {
          type: 'https://sme.gz.gov.cn/problems/validation-failed',
          title: '请求参数有误 (Validation failed)',
          status: 422,
          errors: [{ field: 'id_number', message: '居民身份证号码无效，请核对 (not a valid resident ID number)', code: 'invalid_checksum' }],
        },
        'application/problem+json',
      ),
    );
    const { wrapper, router } = await open('/notices/n-1/objection?target=app-1&step=grounds');
    expect(wrapper.get('h1').text()).toBe('请写明异议内容和理由');
    await answer(wrapper, () => wrapper.get('#field-grounds').setValue('该单位实际专职人员不足两名，与申报材料不符。'));
    await answer(wrapper, () => wrapper.get('#field-objector_type-1').setValue(true));
    await answer(wrapper, async () => {
      await wrapper.get('#field-real_name').setValue('张三');
      await wrapper.get('#field-id_number').setValue('440106199001011235');
    });
    await answer(wrapper, () => wrapper.get('#field-contact_phone').setValue('020-12345678'));
    await answer(wrapper, () => undefined); // submit

    expect(router.currentRoute.value.query.step).toBe('check');
    const link = wrapper.get('.error-summary a');
    expect(link.text()).toBe('居民身份证号码无效，请核对');
    await link.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.step).toBe('identity');
    expect(wrapper.get('#field-id_number-error').text()).toContain('居民身份证号码无效，请核对');
  });

  it('says why when the notice period has ended meanwhile (409)', async () => {
    serve(() =>
      json(
        409,
        {
          type: 'https://sme.gz.gov.cn/problems/state-conflict',
          title: '与当前状态冲突 (Conflict)',
          status: 409,
          detail: '公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议 (the notice period ended)',
        },
        'application/problem+json',
      ),
    );
    const { wrapper } = await open('/notices/n-1/objection?target=app-1&step=grounds');
    await answer(wrapper, () => wrapper.get('#field-grounds').setValue('该单位实际专职人员不足两名，与申报材料不符。'));
    await answer(wrapper, () => wrapper.get('#field-objector_type-1').setValue(true));
    await answer(wrapper, async () => {
      await wrapper.get('#field-real_name').setValue('张三');
      await wrapper.get('#field-id_number').setValue('11010519491231002X');
    });
    await answer(wrapper, () => wrapper.get('#field-contact_phone').setValue('13800138000'));
    await answer(wrapper, () => undefined);
    expect(wrapper.get('.error-summary').text()).toContain('公示期已于 2026年10月09日 23:59:59（北京时间）结束，不再受理异议');
    expect(wrapper.get('.error-summary').text()).not.toContain('the notice period ended');
  });

  it('does not let a visitor skip ahead to a later page', async () => {
    serve(() => json(500, {}));
    const { router } = await open('/notices/n-1/objection?step=contact');
    expect(router.currentRoute.value.query.step).toBe('target');
  });

  it('refuses online objections once the notice has ended', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { ...NOTICE, status: 'ended', accepting_objections: false })),
    );
    const { wrapper } = await open('/notices/n-1/objection');
    expect(wrapper.get('h1').text()).toBe('公示期已结束');
    expect(wrapper.text()).toContain('2026年10月9日 23:59');
    expect(wrapper.find('form').exists()).toBe(false);
  });
});
