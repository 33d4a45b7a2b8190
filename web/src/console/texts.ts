/** The console placeholder's words. */
export const consoleTexts = {
  pageTitle: '工作台',
  title: '工作台正在建设中',
  subTitle:
    '服务站运营单位、区级民营和中小企业主管部门、服务总站和市工业和信息化局的工作台将在后续版本提供，届时请使用统一身份认证登录。',
  backHome: '返回网站首页',
  siteName: '广州市民营和中小企业服务站 · 工作台',
} as const;
