/** Every word the console shows, in one place (the menu's titles live with the menu, in menu.ts). */
import type { Role } from '@/api/notifications';

export const roleLabels: Record<Role, string> = {
  bureau_admin: '市工业和信息化局',
  head_station_staff: '服务总站',
  district_officer: '区级主管部门',
  expert: '评审专家',
  station_operator: '服务站运营单位',
  platform_operator: '平台运维',
};

/** The same roles as the people who hold them (the sign-in page's group headings). */
export const roleGroupTitles: Record<Role, string> = {
  bureau_admin: '市工业和信息化局工作人员',
  head_station_staff: '服务总站工作人员',
  district_officer: '区级民营和中小企业主管部门',
  expert: '评审专家',
  station_operator: '申请单位和服务站运营单位',
  platform_operator: '平台运维人员',
};

export const consoleTexts = {
  siteName: '广州市民营和中小企业服务站',
  consoleName: '工作台',
  bureau: '广州市工业和信息化局',
  pageTitle: (page: string) => `${page} - 广州市民营和中小企业服务站工作台`,
  skipToContent: '跳到主要内容',
  menuLabel: '工作台导航',
  openMenu: '打开导航菜单',
  commonGroup: '常用',
  roleGroup: (role: Role) => `${roleLabels[role]}业务`,
  signOut: '退出登录',
  publicSite: '公开网站',
  inboxBell: (count: number | null) => (count ? `站内信，${count} 条未读` : '站内信'),
  comingSoon: '此功能即将上线',
  comingSoonNote: '该功能正在建设中，上线后将在此办理。如有急办事项，请与服务总站联系。',
  backToHome: '返回工作台首页',
  forbiddenTitle: '无权访问此页面',
  forbiddenDetail: (role: string) =>
    `当前登录身份（${role}）无权访问此页面。如需办理相关事项，请使用有权限的账号登录，或联系系统管理员。`,
  notFoundTitle: '页面不存在',
  notFoundDetail: '您访问的工作台页面不存在，可能地址有误或页面已调整。',
  retry: '重试',
  loadFailed: '加载失败',
  formErrorSummary: '提交未成功，请按提示修改',
};

export const sessionTexts = {
  expired: '会话已过期，请重新登录',
  rejected: '登录状态已失效，请重新登录',
  signedOut: '您已退出登录',
  endedDetail: '为保护信息安全，登录超过有效期或登录凭证失效后需要重新登录。重新登录后将回到当前页面。',
  signInAgain: '重新登录',
};

export const signInTexts = {
  title: '登录工作台',
  lead: '服务站运营单位、区级主管部门、服务总站、评审专家和市工业和信息化局工作人员在此办理业务。',
  devBadge: '开发环境',
  devTitle: '选择登录身份',
  devNote: '开发和测试环境使用演示人员登录，无需密码；正式环境通过统一身份认证登录。名单来自消息通知服务的通讯录。',
  search: '按姓名、单位、辖区或信用代码查找',
  searchLabel: '查找人员',
  signInAs: (name: string) => `以“${name}”身份登录`,
  recognised: '已认定服务站',
  notRecognised: '申请单位',
  noMatch: '没有符合条件的人员',
  empty: '登录名单为空',
  emptyDetail: '通讯录中还没有人员和单位。开发环境请先运行 make demo 填充演示数据，再刷新本页。',
  unavailable: '开发登录不可用',
  signingIn: '正在登录…',
  oidcTitle: '统一身份认证登录',
  oidcNote: '使用广州市统一身份认证平台账号登录。登录凭证只保存在本页面中，关闭或刷新页面后需要重新登录。',
  oidcButton: '使用统一身份认证登录',
  redirecting: '正在跳转到统一身份认证平台…',
  providerUnavailable: '暂时无法连接统一身份认证平台，请稍后再试。如多次失败，请联系系统管理员。',
  callbackTitle: '正在完成登录…',
  callbackFailed: '登录未完成',
  callbackFailedDetail: '统一身份认证平台未能完成登录，可能是登录已超时或被取消。请重新登录。',
  accountUnusable: '该账号缺少工作台所需的角色信息（角色、所属区或单位），请联系系统管理员。',
  configFailed: '无法加载登录配置',
  peopleCount: (count: number) => `${count} 人`,
  backToPublic: '返回公开网站',
  footer: '主办单位：广州市工业和信息化局　承办单位：广州市民营和中小企业服务总站',
};

export const homeTexts = {
  title: '工作台首页',
  greeting: (name: string) => `您好，${name}`,
  unreadTitle: '未读站内信',
  unreadLink: '查看站内信',
  functionsTitle: '我的业务',
  soon: '即将上线',
  open: '进入',
};

export const inboxTexts = {
  title: '站内信',
  lead: '与您有关的办理通知、提醒和公告。区级主管部门、服务总站和市工业和信息化局的共享信箱消息，每位工作人员各自标记已读。',
  all: '全部',
  unread: '未读',
  filterLabel: '显示范围',
  unreadSummary: (count: number) => (count > 0 ? `共 ${count} 条未读` : '没有未读消息'),
  markRead: '标为已读',
  markUnread: '标为未读',
  mandatory: '必读',
  empty: '暂无站内信',
  emptyUnread: '没有未读的站内信',
  previous: '上一页',
  next: '下一页',
  page: (n: number) => `第 ${n} 页`,
  unreadMark: '未读',
  back: '返回站内信',
  receivedAt: '收到时间',
  inbox: '信箱',
  kind: '类别',
  mandatoryKind: '规定必须送达的通知',
  ordinaryKind: '一般通知',
  readAt: '阅读时间',
  notRead: '未读',
  notFound: '该站内信不存在，或不属于您的信箱。',
  markFailed: '操作未成功，请稍后重试。',
};

export const settingsTexts = {
  title: '通知设置',
  lead: '站内信始终接收全部消息。规定必须送达的通知（退回补正、不予通过、认定、整改、撤销、到期提醒等）无论如何设置，都会通过电子邮件和短信发送。',
  channelsTitle: '接收方式',
  email: '电子邮件',
  emailHint: '一般通知是否同时发送电子邮件',
  sms: '短信',
  smsHint: '一般通知是否同时发送短信',
  saveChannels: '保存接收方式',
  contactTitle: '本单位通知联系人',
  contactLead: '本单位的电子邮件和短信通知发送给以下联系人。联系人信息仅用于发送通知，不会公开。',
  contactName: '联系人姓名',
  contactEmail: '电子邮箱',
  contactMobile: '手机号码',
  contactMobileHint: '11 位中国大陆手机号码',
  saveContact: '保存联系人',
  saved: '已保存',
  emailInvalid: '电子邮箱格式不正确',
  mobileInvalid: '手机号码须为 11 位中国大陆手机号',
  errorSummary: '请修改以下内容后重新保存',
};

/** Whose inbox a message came to: "org:…", "district:440106", "group:bureau", "official:…". */
export const inboxNames = {
  org: '本单位信箱',
  district: (district: string) => `${district}主管部门共享信箱`,
  head_station: '服务总站共享信箱',
  bureau: '市工业和信息化局共享信箱',
  official: '个人信箱',
};

export const stationSwitchTexts = {
  label: '办理服务站',
  actingFor: '当前办理的服务站',
  choose: '切换服务站',
  note: '本单位运营多个服务站：推广、活动、考核等事项按服务站分别办理，请先选择要办理的服务站。',
  providerNote: '如需为本单位其他服务站办理，请使用该服务站的账号登录。',
  switched: (name: string) => `已切换到“${name}”`,
  failed: '切换服务站失败，请重试',
};
