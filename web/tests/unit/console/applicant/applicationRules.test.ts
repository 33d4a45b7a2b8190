import { describe, expect, it } from 'vitest';
import { blankStaff, emptyForm, type ApplicationFormState } from '@/console/applicant/applicationForm';
import {
  draftProblems,
  fieldId,
  isIneligibleEntity,
  rowAliases,
  sectionOf,
  staffCount,
  submitProblems,
  tooFewStaff,
  usccEligibility,
} from '@/console/applicant/applicationRules';
import type { AttachmentKind } from '@/console/applicant/calls';

const TIANHE = '91440106MA59C1XE2H';
const INDIVIDUAL_BUSINESS = '92440106MA59C1XE2E';
const SHENZHEN = '91440300MA5FAB1C2C';
const CITY_REGISTRY = '91440101MA59XXXXXA';
const ALL_MATERIALS = new Set<AttachmentKind>(['business_licence', 'premises_proof', 'management_system', 'staff_proof']);

function complete(): ApplicationFormState {
  return {
    ...emptyForm(TIANHE),
    entity_name: '广州市天河区创新企业服务有限公司',
    legal_representative: '张伟',
    registered_address: '广州市天河区天河路 100 号 801 室',
    station_address: '广州市天河区天河路 100 号 1 楼',
    operator_type: 'sme_service_centre',
    services: ['legal'],
    service_experience: '近三年服务 300 余家企业',
    management_system: '服务台账制度、回访制度',
    contact: { name: '王芳', phone: '020-38881234', email: '' },
    staff: [
      { name: '李明', role: '站长', phone: '13800138000' },
      { name: '陈静', role: '专员', phone: '13900139000' },
    ],
  };
}

describe('who may apply (§4.1.2(1)), on the USCC field', () => {
  it('accepts a Guangzhou legal person, including one of the municipal registry (4401xx)', () => {
    expect(usccEligibility(TIANHE)).toBeNull();
    expect(usccEligibility(' 91440106ma59c1xe2h ')).toBeNull();
    expect(usccEligibility(CITY_REGISTRY)).toBeNull();
  });

  it('refuses a wrong check digit before anything else', () => {
    expect(usccEligibility('91440106MA59C1XE2T')).toBe('统一社会信用代码无效，请核对');
    expect(usccEligibility('9144010')).toBe('统一社会信用代码应为 18 位');
  });

  it('refuses an entity registered outside Guangzhou, naming its division code', () => {
    expect(usccEligibility(SHENZHEN)).toContain('440300，不属于广州市');
    expect(isIneligibleEntity(SHENZHEN)).toBe(true);
  });

  it('refuses an individual business (type 92): it is not a legal person', () => {
    expect(usccEligibility(INDIVIDUAL_BUSINESS)).toContain('个体工商户');
    expect(isIneligibleEntity(INDIVIDUAL_BUSINESS)).toBe(true);
    expect(isIneligibleEntity('91440106MA59C1XE2T')).toBe(false); // a typing slip, not an ineligible entity
  });

  it("refuses another organisation's code than the signed-in one", () => {
    expect(usccEligibility(CITY_REGISTRY, TIANHE)).toContain('只能为本单位申请');
    expect(usccEligibility(TIANHE.toLowerCase(), TIANHE)).toBeNull();
  });
});

describe('what stops a draft being saved', () => {
  it('is only the identity of the applicant and the form of what is typed', () => {
    const form = { ...emptyForm(TIANHE), entity_name: '广州市某公司' };
    expect(draftProblems(form, TIANHE)).toEqual({});
  });

  it('includes the ineligible code, so nothing of such an applicant is sent', () => {
    const form = { ...emptyForm(INDIVIDUAL_BUSINESS), entity_name: '某个体户' };
    expect(Object.keys(draftProblems(form, INDIVIDUAL_BUSINESS))).toEqual(['uscc']);
  });

  it('names a half-filled staff row, a bad phone, e-mail and area on their own fields', () => {
    const form = complete();
    form.staff = [{ name: '李明', role: '', phone: '12345' }, blankStaff()];
    form.contact.email = 'wangfang-at-example';
    form.office_area_sqm = '二百';
    expect(draftProblems(form, TIANHE)).toEqual({
      'staff.0.role': '请填写专职工作人员 1 的岗位 / 职务',
      'staff.0.phone': expect.stringContaining('电话号码格式不正确'),
      'contact.email': '电子邮箱格式不正确，例如 name@example.com',
      office_area_sqm: '请填写 0 至 1,000,000 之间的数字',
    });
  });

  it('requires the registration district', () => {
    const form = { ...complete(), district_code: '' };
    expect(draftProblems(form, TIANHE).district_code).toBe('请选择注册地所在区');
  });
});

describe('what stops the submission (§4.1.2)', () => {
  it('passes a complete form with every required material', () => {
    expect(submitProblems(complete(), TIANHE, ALL_MATERIALS)).toEqual({});
  });

  it('counts full-time staff as the filled rows: fewer than 2 is refused on the staff list', () => {
    const form = complete();
    form.staff = [form.staff[0]!, blankStaff()];
    expect(staffCount(form)).toBe(1);
    expect(tooFewStaff(form)).toBe('须配备不少于 2 名专职工作人员，当前填报 1 名');
    expect(submitProblems(form, TIANHE, ALL_MATERIALS)).toEqual({ staff: '须配备不少于 2 名专职工作人员，当前填报 1 名' });
  });

  it('names every missing answer and material at once', () => {
    const problems = submitProblems({ ...emptyForm(TIANHE), entity_name: '广州市某公司' }, TIANHE, new Set(['other']));
    expect(Object.keys(problems)).toEqual(
      expect.arrayContaining([
        'legal_representative',
        'registered_address',
        'station_address',
        'service_experience',
        'management_system',
        'operator_type',
        'services',
        'contact.name',
        'contact.phone',
        'staff',
        'attachments.business_licence',
        'attachments.premises_proof',
        'attachments.management_system',
        'attachments.staff_proof',
      ]),
    );
    expect(problems['attachments.other']).toBeUndefined();
  });

  it('takes a personalised service in place of the common ones', () => {
    const form = { ...complete(), services: [], personalised_services: '跨境电商出海合规辅导' };
    expect(submitProblems(form, TIANHE, ALL_MATERIALS)).toEqual({});
  });
});

describe("the service's field paths on the form", () => {
  it('finds each field in its section and names its input', () => {
    expect(sectionOf('uscc')).toBe('applicant');
    expect(sectionOf('office_area_sqm')).toBe('premises');
    expect(sectionOf('resident_institutions.2.name')).toBe('capability');
    expect(sectionOf('management_system')).toBe('management');
    expect(sectionOf('staff.1.phone')).toBe('people');
    expect(sectionOf('attachments.staff_proof')).toBe('attachments');
    expect(sectionOf('declaration')).toBe('review');
    expect(fieldId('staff.1.phone')).toBe('app-staff-1-phone');
    expect(fieldId('district_code')).toBe('app-district-code');
  });

  it("maps the body's row numbers to the form's when blank rows were left out", () => {
    const form = complete();
    form.staff = [blankStaff(), { name: '李明', role: '站长', phone: '1380' }, form.staff[1]!];
    const aliases = rowAliases(form);
    expect(aliases['staff.0.phone']).toBe('staff.1.phone');
    expect(aliases['staff.1.name']).toBe('staff.2.name');
  });
});
