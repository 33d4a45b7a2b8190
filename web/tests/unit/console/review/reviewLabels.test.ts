import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECOMMENDATION_LABELS, REVIEW_CASE_STATUS_LABELS, ROUND_STATUS_LABELS } from '@/labels';

function enumOf(schema: string): string[] {
  const file = path.resolve(process.cwd(), 'openapi', 'review.json');
  return JSON.parse(readFileSync(file, 'utf8')).components.schemas[schema].enum;
}

describe('the review labels match the review service’s document', () => {
  it.each([
    ['CaseStatus', REVIEW_CASE_STATUS_LABELS],
    ['Recommendation', RECOMMENDATION_LABELS],
    ['RoundStatus', ROUND_STATUS_LABELS],
  ] as Array<[string, Record<string, string>]>)('%s: every value has a Chinese label', (schema, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...enumOf(schema)].sort());
    for (const label of Object.values(labels)) expect(label).toMatch(/[\u3400-\u9fff]/);
  });
});
