/** The words of the final list pages (最终认定名单). */
export const finalListsTexts = {
  pageTitle: '服务站最终认定名单',
  breadcrumbHome: '首页',
  intro:
    '公示期结束后，对于公示期内没有异议的申请单位，以及有异议但经调查核实没有问题的申请单位，由市工业和信息化局公布服务站最终认定名单，并向新设立服务站发放牌匾。',
  loading: '正在加载认定名单…',
  empty: '目前还没有公布的认定名单。',
  emptyHint: '认定名单在公示期结束、异议处理完毕后公布。',
  seeNotices: '查看正在公示的拟认定名单',
  published: (date: string) => `公布日期：${date}`,
  count: (n: number) => `认定服务站 ${n} 个`,
} as const;

export const finalListTexts = {
  breadcrumbHome: '首页',
  breadcrumbLists: '认定名单',
  loading: '正在加载认定名单…',
  pageHeading: '最终认定名单',
  notFound: (year: string) => `没有找到 ${year} 年度的最终认定名单`,
  notFoundHint: '该年度的名单可能尚未公布。',
  backToLists: '查看历年认定名单',
  caption: (year: number) => `${year}年度`,
  published: (date: string) => `市工业和信息化局于 ${date} 公布。`,
  tableCaption: (n: number) => `认定服务站（共 ${n} 个）`,
  plaque: '牌匾编号',
  entity: '服务站运营单位',
  district: '所在区',
  address: '服务站地址',
  empty: '这份名单没有服务站。',
  registerHint: '服务站的服务内容和有效期，请在服务站名录中查询。',
  register: '服务站名录',
  scrollHint: '认定名单表格，可左右滚动',
} as const;
