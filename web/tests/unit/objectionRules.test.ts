import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  objectionFields,
  objectionProblems,
  objectionScan,
  sealScanProblem,
  stepFields,
  type ObjectionDraft,
} from '@/public/notices/objectionRules';

const ON_NOTICE = 'app-1';
const onNotice = (id: string) => id === ON_NOTICE;
const pdf = (name = '异议书.pdf', bytes = 1024, type = 'application/pdf') =>
  new File([new Uint8Array(bytes)], name, { type });

function individual(changes: Partial<ObjectionDraft> = {}): ObjectionDraft {
  return {
    ...emptyDraft(),
    target_application_id: ON_NOTICE,
    grounds: '该单位实际专职人员不足两名，与申报材料不符。',
    objector_type: 'individual',
    real_name: '张三',
    id_number: '11010519491231002X',
    contact_phone: '13800138000',
    ...changes,
  };
}

function organisation(changes: Partial<ObjectionDraft> = {}): ObjectionDraft {
  return {
    ...individual(),
    objector_type: 'organisation',
    real_name: '',
    id_number: '',
    organisation_name: '广州市某行业商会',
    seal_scan: pdf(),
    ...changes,
  };
}

describe('an objection is received when', () => {
  it('a person gives a real name, a valid ID number and a telephone number', () => {
    expect(objectionProblems(individual(), onNotice)).toEqual({});
  });

  it('an organisation names itself, attaches its sealed letter and gives a telephone number', () => {
    expect(objectionProblems(organisation(), onNotice)).toEqual({});
  });
});

describe('an objection is refused when', () => {
  it('nothing is filled in: each missing answer is named at once', () => {
    expect(Object.keys(objectionProblems(emptyDraft(), onNotice)).sort()).toEqual(
      ['contact_phone', 'grounds', 'objector_type', 'target_application_id'].sort(),
    );
  });

  it('the applicant is not on this notice', () => {
    expect(objectionProblems(individual({ target_application_id: 'app-9' }), onNotice)).toEqual({
      target_application_id: '该单位不在本次公示名单中，请重新选择',
    });
  });

  it('the grounds are shorter than 10 or longer than 5000 characters', () => {
    expect(objectionProblems(individual({ grounds: '不符合条件' }), onNotice).grounds).toBe('异议内容和理由须为 10 至 5000 字');
    expect(objectionProblems(individual({ grounds: '字'.repeat(5001) }), onNotice).grounds).toBeDefined();
    expect(objectionProblems(individual({ grounds: '字'.repeat(5000) }), onNotice).grounds).toBeUndefined();
    expect(objectionProblems(individual({ grounds: '   ' }), onNotice).grounds).toBe('请写明异议内容和理由');
  });

  it('a person does not sign with a real name (2 to 50 characters)', () => {
    expect(objectionProblems(individual({ real_name: '张' }), onNotice).real_name).toBeDefined();
    expect(objectionProblems(individual({ real_name: '' }), onNotice).real_name).toBeDefined();
  });

  it("a person's ID number is missing or wrong", () => {
    expect(objectionProblems(individual({ id_number: '' }), onNotice).id_number).toBe('请填写居民身份证号码');
    expect(objectionProblems(individual({ id_number: '110105194912310021' }), onNotice).id_number).toBe('居民身份证号码无效，请核对');
  });

  it('an organisation gives no name or no sealed letter', () => {
    expect(objectionProblems(organisation({ organisation_name: '某' }), onNotice).organisation_name).toBe('请填写单位名称');
    expect(objectionProblems(organisation({ seal_scan: null }), onNotice).seal_scan).toBe('请上传加盖公章的书面异议扫描件');
  });

  it('there is no way to reach the objector', () => {
    expect(objectionProblems(individual({ contact_phone: '' }), onNotice).contact_phone).toBe('请填写联系电话');
    expect(objectionProblems(individual({ contact_phone: '12345' }), onNotice).contact_phone).toMatch(/格式不正确/);
    expect(objectionProblems(individual({ contact_email: 'not-an-address' }), onNotice).contact_email).toBeDefined();
  });

  it('does not ask a person for a sealed letter, nor an organisation for an ID number', () => {
    expect(objectionProblems(individual({ seal_scan: null, organisation_name: '' }), onNotice)).toEqual({});
    expect(objectionProblems(organisation({ real_name: '', id_number: '' }), onNotice)).toEqual({});
  });
});

describe('the sealed letter', () => {
  it('is a PDF, PNG or JPEG of at most 20 MB', () => {
    expect(sealScanProblem(pdf())).toBeNull();
    expect(sealScanProblem(pdf('scan.JPG', 10, ''))).toBeNull();
    expect(sealScanProblem(pdf('scan.png', 10, 'image/png'))).toBeNull();
    expect(sealScanProblem(pdf('letter.docx', 10, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBe(
      '扫描件须为 PDF、PNG 或 JPEG 文件',
    );
    expect(sealScanProblem(pdf('big.pdf', 20 * 1024 * 1024 + 1))).toBe('扫描件不能超过 20 MB');
    expect(sealScanProblem(pdf('empty.pdf', 0))).toBe('所选文件是空的，请重新选择');
  });
});

describe('what is sent', () => {
  it("carries only what the objector's type needs", () => {
    const person = individual({ organisation_name: '不该发送', seal_scan: pdf(), id_number: '11010519491231002x' });
    const fields = objectionFields(person);
    expect(fields).not.toHaveProperty('organisation_name');
    expect(fields.id_number).toBe('11010519491231002X');
    expect(objectionScan(person)).toBeNull();

    const org = organisation({ real_name: '不该发送', id_number: '11010519491231002X' });
    expect(objectionFields(org)).not.toHaveProperty('id_number');
    expect(objectionFields(org)).not.toHaveProperty('real_name');
    expect(objectionScan(org)).toBe(org.seal_scan);
  });

  it('asks for the identity that fits the objector', () => {
    expect(stepFields('identity', 'organisation')).toEqual(['organisation_name', 'contact_person', 'seal_scan']);
    expect(stepFields('identity', 'individual')).toEqual(['real_name', 'id_number']);
  });
});
