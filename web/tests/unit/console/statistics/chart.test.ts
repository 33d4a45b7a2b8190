import { describe, expect, it } from 'vitest';
import { slanted } from '@/console/statistics/chart';

describe('the category labels under a chart', () => {
  it('stand upright while they fit', () => {
    expect(slanted(['合格', '不合格'])).toBe(false);
    expect(slanted(['按时受理', '逾期受理', '待受理（未逾期）', '逾期未受理'])).toBe(false);
  });

  it('slant when the stages of the review would overlap', () => {
    const stages = ['专家评审中', '推荐意见已报市工业和信息化局', '列入入围名单', '未列入入围名单', '已认定', '未予认定'];
    expect(slanted(stages)).toBe(true);
  });

  it('slant for the eleven districts', () => {
    const districts = ['荔湾区', '越秀区', '海珠区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'];
    expect(slanted(districts)).toBe(true);
  });
});
