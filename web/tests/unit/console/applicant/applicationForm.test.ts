import { describe, expect, it } from 'vitest';
import {
  districtOfUscc,
  emptyForm,
  formForReReview,
  formFromApplication,
  splitIndustries,
  toBody,
} from '@/console/applicant/applicationForm';
import type { Application, Station } from '@/console/applicant/calls';

const TIANHE = '91440106MA59C1XE2H';

const SAVED: Application = {
  id: 'a-1',
  uscc: TIANHE,
  entity_name: '广州市天河区创新企业服务有限公司',
  district_code: '440106',
  district_name: '天河区',
  kind: 'new',
  station_id: null,
  round_year: 2026,
  status: 'returned',
  created_at: '2026-12-01T09:00:00+08:00',
  updated_at: '2026-12-02T09:00:00+08:00',
  submitted_at: '2026-12-01T10:00:00+08:00',
  forwarded_at: null,
  closed_at: null,
  legal_representative: '张伟',
  registered_address: '广州市天河区天河路 100 号',
  station_name: null,
  station_address: '广州市天河区天河路 100 号 1 楼',
  station_district_code: '440106',
  operator_type: 'association',
  office_area_sqm: 260,
  services: ['legal', 'financing'],
  personalised_services: '',
  industries: ['新一代信息技术', '跨境电商'],
  service_area: '天河区',
  service_experience: '近三年服务 300 余家企业',
  management_system: '服务台账制度',
  resident_institutions: [{ name: '广州某律师事务所', services: '法律咨询' }],
  contact: { name: '王芳', phone: '020-38881234', email: null },
  staff: [{ name: '李明', role: '站长', phone: '13800138000' }],
  submissions: 1,
  outcome_reason: null,
  district_decisions: [],
};

describe('a new form', () => {
  it("starts with the organisation's code, the district that code names, and rows for 2 staff", () => {
    const form = emptyForm('91440106ma59c1xe2h');
    expect(form.uscc).toBe(TIANHE);
    expect(form.district_code).toBe('440106');
    expect(form.staff).toHaveLength(2);
    expect(districtOfUscc('91440101MA59XXXXXA')).toBe(''); // the city's registry names no district
  });
});

describe('form → body', () => {
  it('trims, sends empty optional answers as null and leaves blank rows and an empty contact out', () => {
    const form = {
      ...emptyForm(TIANHE),
      entity_name: '  广州市某公司 ',
      legal_representative: '  ',
      office_area_sqm: ' 1,200.5 ',
      industries: '新一代信息技术、 跨境电商,先进制造；',
      resident_institutions: [{ name: '', services: '' }],
    };
    form.staff = [{ name: '', role: '', phone: '' }, { name: ' 李明 ', role: '站长', phone: '13800138000' }];
    const body = toBody(form);
    expect(body).toMatchObject({
      uscc: TIANHE,
      entity_name: '广州市某公司',
      district_code: '440106',
      kind: 'new',
      station_id: null,
      legal_representative: null,
      station_district_code: null,
      operator_type: null,
      office_area_sqm: 1200.5,
      industries: ['新一代信息技术', '跨境电商', '先进制造'],
      resident_institutions: [],
      contact: null,
      staff: [{ name: '李明', role: '站长', phone: '13800138000' }],
    });
  });

  it('sends the contact once any of it is given, and the e-mail as null when left empty', () => {
    const form = { ...emptyForm(TIANHE), contact: { name: '王芳', phone: '', email: '' } };
    expect(toBody(form).contact).toEqual({ name: '王芳', phone: '', email: null });
  });

  it('sends the station of a re-review only', () => {
    expect(toBody({ ...emptyForm(TIANHE), station_id: 'st-1' }).station_id).toBeNull();
    expect(toBody({ ...emptyForm(TIANHE), kind: 're_review', station_id: 'st-1' }).station_id).toBe('st-1');
  });

  it('splits industries on 、 , ， ; ； and new lines', () => {
    expect(splitIndustries('甲、乙,丙，丁;戊；己\n庚')).toEqual(['甲', '乙', '丙', '丁', '戊', '己', '庚']);
  });
});

describe('body → form', () => {
  it('reads a saved application back, and what it sends again is what was saved', () => {
    const form = formFromApplication(SAVED);
    expect(form.office_area_sqm).toBe('260');
    expect(form.industries).toBe('新一代信息技术、跨境电商');
    expect(form.staff).toHaveLength(2); // a row offered for the second staff member
    const body = toBody(form);
    expect(body).toMatchObject({
      legal_representative: '张伟',
      office_area_sqm: 260,
      services: ['legal', 'financing'],
      industries: ['新一代信息技术', '跨境电商'],
      contact: { name: '王芳', phone: '020-38881234', email: null },
      staff: [{ name: '李明', role: '站长', phone: '13800138000' }],
    });
  });

  it("fills a re-review from the station's record as it stands, the rest from the original application", () => {
    const station = {
      id: 'st-1',
      name: '广州市民营和中小企业服务站（天河）',
      entity_name: '广州市天河区创新企业服务（集团）有限公司',
      legal_representative: '赵六',
      registered_address: '广州市天河区新地址 1 号',
      district_code: '440106',
      address: '广州市天河区新地址 1 号 1 楼',
      operator_type: 'industrial_park',
      services: ['information'],
      personalised_services: '出海辅导',
      industries: ['跨境电商'],
      service_area: '天河全区',
      resident_institutions: [],
      contact: { name: '孙七', phone: '13700137000', email: null },
      staff: [
        { name: '李明', role: '站长', phone: '13800138000' },
        { name: '周八', role: '专员', phone: '13600136000' },
      ],
    } as unknown as Station;
    const form = formForReReview(TIANHE, station, SAVED);
    expect(form).toMatchObject({
      kind: 're_review',
      station_id: 'st-1',
      entity_name: '广州市天河区创新企业服务（集团）有限公司',
      legal_representative: '赵六',
      station_name: '广州市民营和中小企业服务站（天河）',
      station_address: '广州市天河区新地址 1 号 1 楼',
      operator_type: 'industrial_park',
      office_area_sqm: '260',
      service_experience: '近三年服务 300 余家企业',
      management_system: '服务台账制度',
      contact: { name: '孙七', phone: '13700137000', email: '' },
    });
    expect(form.staff.map((s) => s.name)).toEqual(['李明', '周八']);
    expect(formForReReview(TIANHE, station, null).service_experience).toBe('');
  });
});
