/** The dashboard's words (统计). */

export const statisticsTexts = {
  title: '统计',
  lead: '全市服务站工作的主要数据。每张图表说明统计口径和统计期间，图表下的数据表与相应名单逐项一致，可导出 Excel。',
  year: '统计年度',
  yearHint: '申请、评审、推广、考核和服务需求按所选年度统计；服务站分布为截至今日的名录。',
  chartLabel: (title: string) => `${title}（图表，数据见下表）`,
  tableCaption: (title: string) => `${title}：数据表`,
  filtersLabel: '统计条件',
  yearOption: (year: number) => `${year}年度`,
  category: '区',
  categoryOfStatus: '评审环节',
  total: '合计',
  allDistricts: '全市',
  empty: '所选年度暂无数据。',
  exportName: (title: string, year: number) => `${title}（${year}年度）`,
};

export const figureTexts = {
  applications: {
    title: '服务站认定申请受理情况',
    caption: (year: number) =>
      `${year}年度批次已提交的认定申请（新申请和复核），按受理区和办理状态统计；不含申请单位尚未提交的草稿。`,
  },
  review: {
    title: '专家评审进度',
    series: '评审案件数',
    caption: (year: number) => `${year}年度批次的评审案件，按所处环节统计。`,
  },
  stations: {
    title: '服务站分布',
    caption: (today: string) => `截至 ${today} 名录中的服务站，按所在区和认定状态统计。`,
  },
  promotion: {
    title: '推广任务完成情况',
    met: '已完成年度推广任务',
    behind: '尚未完成',
    caption: (year: number, target: number, today: string) =>
      `${year}年各有效服务站开展推广活动的情况（每站每年不少于 ${target} 场），截至 ${today}，按所在区统计服务站数。`,
  },
  assessment: {
    title: '年度考核结果',
    qualified: '合格',
    unqualified: '不合格',
    exempted: '免于考核',
    notTakingPart: '未参加考核',
    caption: (year: number) => `${year}年度考核已公布的结果，按服务站所在区统计服务站数。`,
  },
  requests: {
    title: '服务需求受理时效',
    kinds: { on_time: '按时受理', late: '逾期受理', waiting: '待受理（未逾期）', overdue: '逾期未受理（已转服务总站）' },
    caption: (year: number, today: string) =>
      `${year}年收到的企业服务需求，截至 ${today}，按企业所在区和受理时效统计。服务站须在 5 个工作日内受理（自提交次日起算）。`,
  },
};
