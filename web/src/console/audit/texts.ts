/** The audit trail's page (操作记录). */
export const auditTexts = {
  title: '操作记录',
  lead: '按对象查阅五个业务系统记录的全部操作：谁（身份）、何时、做了什么、理由。记录只增不改，仅市工业和信息化局可查阅。',
  formLabel: '查询对象',
  targetId: '对象编号',
  targetIdHint: '申请、服务站、评审案件、异议、活动、服务需求、考核周期、整改或撤销案件等的编号（可从相应页面的“操作记录”链接进入）。',
  targetIdMissing: '请填写对象编号',
  targetType: '对象类型',
  anyType: '全部类型',
  search: '查询',
  caption: (id: string) => `对象 ${id} 的操作记录（最新的在前）`,
  none: '该对象没有操作记录。请核对编号。',
  unread: (services: string) => `以下业务系统暂时无法读取，记录可能不完整：${services}`,
  columns: { at: '时间', service: '业务系统', target: '对象', action: '操作', actor: '操作人', role: '身份', reason: '理由', details: '其他信息' },
  count: (n: number) => `共 ${n} 条`,
  openTrail: '操作记录',
};
