import { describe, expect, it } from 'vitest';
import { registrationBody, registrationProblems } from '@/public/activities/registrationRules';
import { emptyRequest, requestBody, requestProblems, stepOf } from '@/public/service-requests/requestRules';

describe('activity registration', () => {
  it('needs a company name, a valid USCC, a contact and a telephone number', () => {
    expect(Object.keys(registrationProblems({ company_name: '', uscc: '', contact_name: '', contact_phone: '', contact_email: '' })).sort()).toEqual(
      ['company_name', 'contact_name', 'contact_phone', 'uscc'].sort(),
    );
    const ok = { company_name: '广州某智能科技有限公司', uscc: '91440106-MA59C1XE2H', contact_name: '李小明', contact_phone: '13800138000', contact_email: '' };
    expect(registrationProblems(ok)).toEqual({});
    expect(registrationBody({ ...ok, company_name: ' 广州某智能科技有限公司 ' })).toEqual({
      ...ok,
      uscc: '91440106MA59C1XE2H',
      contact_email: null,
    });
  });

  it('needs an e-mail address for the code when the telephone is not a mobile number', () => {
    const landline = { company_name: '广州某智能科技有限公司', uscc: '91440106MA59C1XE2H', contact_name: '李小明', contact_phone: '020-12345678', contact_email: '' };
    expect(registrationProblems(landline).contact_email).toBe('联系电话不是手机号码时，请填写电子邮箱，用于接收验证码');
    expect(registrationProblems({ ...landline, contact_email: 'li@example' }).contact_email).toBe('电子邮箱格式不正确，例如 name@example.com');
    expect(registrationProblems({ ...landline, contact_email: 'li@example.com' })).toEqual({});
    expect(registrationProblems({ ...landline, contact_phone: '+86 138 0013 8000' })).toEqual({});
    expect(registrationBody({ ...landline, contact_email: ' li@example.com ' }).contact_email).toBe('li@example.com');
  });
});

describe('service request', () => {
  const filled = {
    ...emptyRequest(),
    company_name: '广州某智能科技有限公司',
    uscc: '91440106MA59C1XE2H',
    district_code: '440106',
    category: 'financing' as const,
    details: '计划申请知识产权质押贷款约300万元，希望对接合作银行。',
    contact_name: '李小明',
    contact_phone: '020-12345678',
    contact_email: 'li@example.com',
  };

  it('is complete with the enterprise, its district, its need and a contact', () => {
    expect(requestProblems(filled)).toEqual({});
  });

  it('asks for an e-mail address on the contact page when the telephone is a landline', () => {
    const problems = requestProblems({ ...filled, contact_email: '' });
    expect(Object.keys(problems)).toEqual(['contact_email']);
    expect(stepOf('contact_email')).toBe('contact');
    expect(requestProblems({ ...filled, contact_email: '', contact_phone: '13800138000' })).toEqual({});
  });

  it('asks for a category, and a district of Guangzhou', () => {
    expect(requestProblems({ ...filled, category: '' }).category).toBe('请选择服务类别');
    expect(requestProblems({ ...filled, district_code: '440101' }).district_code).toBe('请选择企业所在区');
  });

  it('sends a personalised need without a category, and no station when the service is to choose', () => {
    const body = requestBody({ ...filled, category: 'personalised' });
    expect(body.category).toBeNull();
    expect(body.station_id).toBeNull();
    expect(requestBody({ ...filled, station_id: 'st-1' }).station_id).toBe('st-1');
  });

  it('knows which page asks for each field', () => {
    expect(stepOf('uscc')).toBe('company');
    expect(stepOf('details')).toBe('need');
    expect(stepOf('contact_phone')).toBe('contact');
  });
});
