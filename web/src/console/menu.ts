/**
 * The console's one menu definition, keyed by role: what each role may use. The side menu shows a
 * role its own entries, and the router builds one route per entry that only that role may open
 * (routes.ts), so typing another role's address shows 403, not the page.
 *
 * Plain data (no components): the router, which every page loads, builds its routes from it.
 */
import type { Role } from '@/api/notifications';

export interface MenuEntry {
  /** The route's name; the side menu's icon is looked up by it. */
  name: string;
  /** The path under /console. */
  path: string;
  title: string;
  /** What the page is for: on the home page, and while the page is still being built. */
  summary: string;
}

/** What every signed-in person uses. */
export const COMMON_MENU: readonly MenuEntry[] = [
  { name: 'console-home', path: '', title: '工作台首页', summary: '待办提醒和常用业务入口。' },
  { name: 'console-inbox', path: 'inbox', title: '站内信', summary: '与您有关的办理通知、提醒和公告。' },
  {
    name: 'console-settings',
    path: 'settings',
    title: '通知设置',
    summary: '选择一般通知的接收方式，维护本单位通知联系人。',
  },
];

export const ROLE_MENUS: Readonly<Record<Role, readonly MenuEntry[]>> = {
  station_operator: [
    {
      name: 'station-applications',
      path: 'station/applications',
      title: '我的申请',
      summary: '填写和提交服务站认定申请，跟踪区级初审、专家评审和公示进度，按要求补正材料。',
    },
    {
      name: 'station-stations',
      path: 'station/stations',
      title: '服务站',
      summary: '维护本单位服务站信息，在变更完成后 30 日内报告名称、地址、法定代表人等变更，签署服务公约。',
    },
    {
      name: 'station-activities',
      path: 'station/activities',
      title: '活动',
      summary: '发布本站主办或协办的沙龙、培训、讲座等活动，配合主题月开展服务，查看企业报名。',
    },
    {
      name: 'station-promotions',
      path: 'station/promotions',
      title: '推广',
      summary: '登记中小企业服务平台和“穗小信”政策数字人的宣传推广，每年不少于 3 次。',
    },
    {
      name: 'station-demands',
      path: 'station/demands',
      title: '服务需求',
      summary: '受理企业提出的服务需求，定期报送辖区产业、企业和需求信息。',
    },
    {
      name: 'station-assessment',
      path: 'station/assessment',
      title: '考核',
      summary: '提交工作计划和工作总结，查看年度考核结果和整改要求。',
    },
  ],
  district_officer: [
    {
      name: 'district-reviews',
      path: 'district/reviews',
      title: '申请审核',
      summary: '对本区申请单位的认定申请进行初审，上报市工业和信息化局或退回补正。',
    },
    {
      name: 'district-stations',
      path: 'district/stations',
      title: '本区服务站',
      summary: '查看本区服务站名录、有效期和信息变更，跟踪服务公约签署情况。',
    },
    {
      name: 'district-demands',
      path: 'district/demands',
      title: '本区需求',
      summary: '查看本区企业服务需求及办理情况，汇总服务站报送的需求信息。',
    },
    {
      name: 'district-assessment',
      path: 'district/assessment',
      title: '考核',
      summary: '配合开展本区服务站年度考核，提出考核意见，督促整改。',
    },
  ],
  head_station_staff: [
    {
      name: 'head-station-reviews',
      path: 'head-station/reviews',
      title: '评审',
      summary: '组织专家评审，汇总评分，形成推荐意见报送市工业和信息化局。',
    },
    {
      name: 'head-station-experts',
      path: 'head-station/experts',
      title: '专家库',
      summary: '维护评审专家库，按回避原则为评审案件分配专家。',
    },
    {
      name: 'head-station-notices',
      path: 'head-station/notices',
      title: '公示与异议',
      summary: '跟踪拟认定名单公示期（5 个工作日），协助核查公示期内收到的异议。',
    },
    {
      name: 'head-station-theme-months',
      path: 'head-station/theme-months',
      title: '主题月',
      summary: '制定政策、财税、知识产权等主题月计划，统筹各服务站活动。',
    },
    {
      name: 'head-station-trainings',
      path: 'head-station/trainings',
      title: '培训',
      summary: '定期组织服务站工作人员培训，记录参训情况。',
    },
    {
      name: 'head-station-service-requests',
      path: 'head-station/service-requests',
      title: '服务需求',
      summary: '统筹全市企业服务需求的受理情况，受理超期转来的需求。',
    },
    {
      name: 'head-station-promotions',
      path: 'head-station/promotions',
      title: '推广任务',
      summary: '跟踪各服务站每年不少于 3 次的宣传推广进度和系统提醒。',
    },
    {
      name: 'head-station-assessment',
      path: 'head-station/assessment',
      title: '考核',
      summary: '组织服务站年度考核，汇总考核材料，形成评价意见。',
    },
    {
      name: 'head-station-statistics',
      path: 'head-station/statistics',
      title: '统计',
      summary: '全市申请、评审、服务站分布、推广、考核和服务需求的统计图表，可导出 Excel。',
    },
  ],
  expert: [
    {
      name: 'expert-tasks',
      path: 'expert/tasks',
      title: '我的评审任务',
      summary: '查看分配给您的评审案件，按评审标准评分并提交评审意见。',
    },
  ],
  bureau_admin: [
    {
      name: 'bureau-decisions',
      path: 'bureau/decisions',
      title: '审定与公示',
      summary: '审定拟认定名单并发布公示，调查处理公示期内的异议。',
    },
    {
      name: 'bureau-final-lists',
      path: 'bureau/final-lists',
      title: '认定名单',
      summary: '公示期满后发布最终认定名单，颁发服务站牌匾。',
    },
    {
      name: 'bureau-assessment',
      path: 'bureau/assessment',
      title: '考核与撤销',
      summary: '审定年度考核结果，对符合指引规定情形的服务站撤销认定。',
    },
    {
      name: 'bureau-calendar',
      path: 'bureau/calendar',
      title: '工作日历',
      summary: '载入国务院办公厅节假日安排（含调休），用于计算公示期等以工作日计的期限。',
    },
    {
      name: 'bureau-statistics',
      path: 'bureau/statistics',
      title: '统计',
      summary: '服务站数量与分布、活动开展、推广和企业服务情况统计。',
    },
    {
      name: 'bureau-audit',
      path: 'bureau/audit',
      title: '操作记录',
      summary: '按对象查阅各业务系统记录的全部操作：谁、何时、做了什么、理由。',
    },
  ],
  platform_operator: [
    {
      name: 'platform-deliveries',
      path: 'platform/deliveries',
      title: '投递记录',
      summary: '查看站内信、电子邮件和短信的投递记录，重发最终失败的消息。',
    },
    {
      name: 'platform-status',
      path: 'platform/status',
      title: '系统状态',
      summary: '查看各服务、消息队列和数据库的运行状态。',
    },
  ],
};

/** The role's own entries (the common ones are for everybody). */
export function menuFor(role: Role): readonly MenuEntry[] {
  return ROLE_MENUS[role];
}

/** The roles that may open the route of this name; null when every signed-in person may. */
export function rolesFor(routeName: string): Role[] | null {
  const roles = (Object.keys(ROLE_MENUS) as Role[]).filter((role) =>
    ROLE_MENUS[role].some((entry) => entry.name === routeName),
  );
  return roles.length > 0 ? roles : null;
}

/** The entry of a route name, whichever menu holds it. */
export function entryNamed(routeName: string): MenuEntry | undefined {
  return [...COMMON_MENU, ...Object.values(ROLE_MENUS).flat()].find((entry) => entry.name === routeName);
}
