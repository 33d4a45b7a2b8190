import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_TYPE_LABELS,
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  ASSESSMENT_OUTCOME_LABELS,
  ASSIGNMENT_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_STATUS_LABELS,
  CHANGE_KIND_LABELS,
  DISTRICTS,
  DOCUMENT_KIND_LABELS,
  HANDLING_LABELS,
  districtName,
  isDistrictCode,
  labelOf,
  NOTICE_STATUS_LABELS,
  OBJECTION_STATUS_LABELS,
  OPERATOR_TYPE_LABELS,
  PROMOTION_SUBJECT_LABELS,
  optionsOf,
  RECTIFICATION_STATUS_LABELS,
  REQUEST_OUTCOME_LABELS,
  REQUEST_STATUS_LABELS,
  SERVICE_CATEGORY_LABELS,
  STANDING_LABELS,
  STATION_STATUS_LABELS,
  THEME_KIND_LABELS,
} from '@/labels';

function enumOf(service: string, schema: string): string[] {
  // Vitest runs from web/ (its config's folder).
  const file = path.resolve(process.cwd(), 'openapi', `${service}.json`);
  const document = JSON.parse(readFileSync(file, 'utf8'));
  return document.components.schemas[schema].enum;
}

const CJK = /^[\u3400-\u9fff（）]+$/;

describe('districts', () => {
  it("lists Guangzhou's eleven districts by code", () => {
    expect(Object.fromEntries(DISTRICTS.map((d) => [d.code, d.name]))).toEqual({
      '440103': '荔湾区',
      '440104': '越秀区',
      '440105': '海珠区',
      '440106': '天河区',
      '440111': '白云区',
      '440112': '黄埔区',
      '440113': '番禺区',
      '440114': '花都区',
      '440115': '南沙区',
      '440117': '从化区',
      '440118': '增城区',
    });
  });

  it('names a district by code, and falls back to the service name, then the code', () => {
    expect(districtName('440106')).toBe('天河区');
    expect(districtName('440101', '东山区')).toBe('东山区');
    expect(districtName('999999')).toBe('999999');
    expect(districtName(null)).toBe('');
    expect(isDistrictCode('440118')).toBe(true);
    expect(isDistrictCode('440101')).toBe(false);
  });
});

describe('enum labels match the OpenAPI documents', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['registry', 'ServiceCategory', SERVICE_CATEGORY_LABELS],
    ['registry', 'OperatorType', OPERATOR_TYPE_LABELS],
    ['activities', 'ServiceCategory', SERVICE_CATEGORY_LABELS],
    ['activities', 'ActivityType', ACTIVITY_TYPE_LABELS],
    ['activities', 'ActivityStatus', ACTIVITY_STATUS_LABELS],
    ['activities', 'ThemeKind', THEME_KIND_LABELS],
    ['activities', 'RequestStatus', REQUEST_STATUS_LABELS],
    ['activities', 'Assignment', ASSIGNMENT_LABELS],
    ['activities', 'PromotionSubject', PROMOTION_SUBJECT_LABELS],
    ['activities', 'Handling', HANDLING_LABELS],
    ['activities', 'Outcome', REQUEST_OUTCOME_LABELS],
    ['review', 'NoticeStatus', NOTICE_STATUS_LABELS],
    ['review', 'ObjectionStatus', OBJECTION_STATUS_LABELS],
    ['registry', 'ApplicationStatus', APPLICATION_STATUS_LABELS],
    ['registry', 'ApplicationKind', APPLICATION_KIND_LABELS],
    ['registry', 'StationStatus', STATION_STATUS_LABELS],
    ['registry', 'ChangeKind', CHANGE_KIND_LABELS],
    ['assessment', 'Outcome', ASSESSMENT_OUTCOME_LABELS],
    ['assessment', 'DocumentKind', DOCUMENT_KIND_LABELS],
    ['assessment', 'Standing', STANDING_LABELS],
    ['assessment', 'RectificationStatus', RECTIFICATION_STATUS_LABELS],
    ['assessment', 'CaseStatus', CASE_STATUS_LABELS],
    ['assessment', 'Origin', CASE_ORIGIN_LABELS],
  ];

  it.each(cases)('%s %s: every value has a Chinese label, and no label is left over', (service, schema, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...enumOf(service, schema)].sort());
    for (const label of Object.values(labels)) expect(label).toMatch(/[\u3400-\u9fff]/);
  });

  it('uses the guideline’s names for the nine common services', () => {
    expect(Object.values(SERVICE_CATEGORY_LABELS)).toEqual([
      '信息服务',
      '技术服务',
      '人才服务',
      '创新创业服务',
      '法律服务',
      '品牌金融服务',
      '培训服务',
      '融资服务',
      '产业链上下游对接服务',
    ]);
    for (const label of Object.values(ACTIVITY_TYPE_LABELS)) expect(label).toMatch(CJK);
  });
});

describe('labelOf and optionsOf', () => {
  it('shows an unknown value as it is rather than nothing', () => {
    expect(labelOf(ACTIVITY_TYPE_LABELS, 'salon')).toBe('沙龙');
    expect(labelOf(ACTIVITY_TYPE_LABELS, 'hackathon')).toBe('hackathon');
    expect(labelOf(ACTIVITY_TYPE_LABELS, null)).toBe('');
  });

  it('gives options in the map’s order', () => {
    expect(optionsOf(THEME_KIND_LABELS)[0]).toEqual({ value: 'policy', label: '政策服务月' });
  });
});
