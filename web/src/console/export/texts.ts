/** The words of the console's Excel export. */
export const exportTexts = {
  button: '导出 Excel',
  buttonLabel: (title: string) => `导出 Excel（${title}）`,
  exporting: '正在导出…',
  exported: (count: number) => `已导出 ${count} 条记录`,
  failed: '导出未成功',
  hint: '导出当前筛选条件下的全部记录（不限于本页），列与页面表格一致。',
};
