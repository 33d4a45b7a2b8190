/** The head station's 公示与异议. */
export const noticesTexts = {
  title: '公示与异议',
  lead:
    '市工业和信息化局核定入围名单后在局官方网站公示 5 个工作日（指引第四部分（一）3（3））。服务总站在此跟踪公示期，' +
    '并协助核查公示期内收到的异议。',
  noticesTitle: '公示',
  noticesLabel: (year: number) => `${year}年度的公示`,
  columns: {
    title: '公示',
    published: '发布日期',
    period: '公示期',
    deadline: '异议截止',
    entries: '公示单位数',
    status: '状态',
    links: '公示文本',
  },
  period: (from: string, to: string) => `${from} 至 ${to}`,
  accepting: '接受异议中',
  publicPage: '公示页面',
  document: 'PDF',
  publicPageLabel: (title: string) => `打开公示页面：${title}`,
  documentLabel: (title: string) => `下载公示 PDF：${title}`,
  noNotice: '本年度尚未发布公示。',
  objection: {
    back: '返回公示与异议',
    title: '异议',
    notFound: '没有找到该异议。',
    target: '被异议单位',
    filedAt: '收到时间',
    grounds: '异议事实和理由',
    status: '办理状态',
    outcome: '调查结论',
    findings: '调查核实情况',
    resolvedAt: '办结时间',
    pending: '市工业和信息化局调查核实中',
    identity: '异议人的身份、联系方式和书面异议内容仅市工业和信息化局可查阅，本页不显示；需协助核查的事项由市工业和信息化局另行告知。',
  },
};
