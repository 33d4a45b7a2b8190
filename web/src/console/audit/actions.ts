/**
 * The audit trail's words: what each recorded action (`<object type>.<action>`, as the services
 * write them) means, who acted, and the objects' names. An action no label knows yet is shown by
 * its code, never dropped.
 */
import type { Service } from '@/api/client';
import { roleLabels } from '../texts';

export const SERVICE_LABELS: Record<Service, string> = {
  registry: '申请与名录',
  review: '评审与公示',
  activities: '活动与服务需求',
  assessment: '考核与撤销',
  notifications: '通知',
};

export const TARGET_LABELS: Record<string, string> = {
  application: '认定申请',
  station: '服务站',
  round: '年度批次',
  case: '评审案件',
  expert: '评审专家',
  panel: '专家组',
  notice: '公示',
  objection: '异议',
  activity: '活动',
  activity_registration: '活动报名',
  service_request: '服务需求',
  promotion_session: '推广宣讲',
  promotion_duty: '推广任务',
  theme_month: '主题月',
  training: '培训',
  demand_report: '需求信息报送',
  cycle: '考核周期',
  rectification: '整改',
  revocation: '撤销案件',
  work_document: '工作计划与总结',
  work_deadlines: '报送期限',
  evidence: '考核材料',
  delivery: '通知投递',
  recipient: '通知接收设置',
  organisation: '单位联系人',
  official: '工作人员',
  person: '登录身份',
  event: '事件',
};

export const ACTION_LABELS: Record<string, string> = {
  'application.create': '创建申请草稿',
  'application.edit': '修改申请',
  'application.attach': '上传申请材料',
  'application.detach': '删除申请材料',
  'application.submit': '提交申请',
  'application.resubmit': '补正后重新提交申请',
  'application.forward': '区级初审通过，上报市工业和信息化局',
  'application.return': '退回补正',
  'application.reject': '区级初审不予通过',
  'application.recognise': '认定为服务站',
  'application.decline': '未予认定',
  'round.open_round': '开启年度批次',
  'round.change_round_dates': '调整受理期或上报截止日',
  'round.configure_criteria': '设置评分指标',
  'round.submit_recommendations': '报送推荐意见',
  'round.fix_shortlist': '核定入围名单',
  'round.publish_final_list': '公布最终认定名单',
  'case.open_case': '立案评审',
  'case.assign_expert': '指派评审专家',
  'case.withdraw_expert': '撤回专家指派',
  'case.recuse_expert': '专家回避',
  'case.submit_score_sheet': '提交评分',
  'case.record_recommendation': '形成推荐意见',
  'case.conflict_after_review': '评分后申报利益冲突',
  'case.ignore_repeated_forward': '忽略重复上报',
  'case.recognise': '认定',
  'case.decline': '未予认定',
  'case.decide_re_review': '作出复核结论',
  'expert.register_expert': '入库评审专家',
  'expert.update_expert': '修改专家信息',
  'expert.declare_conflict': '申报利益冲突',
  'panel.save_panel': '保存专家组',
  'notice.publish_notice': '发布公示',
  'notice.end_notice': '公示期满',
  'objection.file_objection': '收到异议',
  'objection.read_objector': '查阅异议人身份',
  'objection.read_seal_scan': '查阅加盖公章的异议材料',
  'objection.resolve_objection': '作出异议处理决定',
  'station.register': '登记入名录',
  'station.station_registered': '登记入名录',
  'station.report_change': '报告信息变更',
  'station.station_info_changed': '信息变更',
  'station.sign_convention': '签署服务公约',
  'station.expiring_notice': '发出到期提醒',
  'station.expire': '认定有效期届满',
  'station.station_expired': '认定有效期届满',
  'station.renew': '复核通过，续期',
  'station.renew_refused': '复核未通过',
  'station.re_review_passed': '复核通过',
  'station.revoke': '撤销服务站称号',
  'station.station_status_changed': '状态变更',
  'station.skip_proposal': '不提出撤销建议',
  'activity.schedule': '安排活动',
  'activity.cancel': '取消活动',
  'activity.complete': '办结活动',
  'activity.add_evidence': '上传活动材料',
  'activity.register': '企业报名',
  'activity.submit_registration': '提交报名（待验证）',
  'activity.withdraw_co_organiser': '退出协办',
  'activity_registration.void': '报名作废',
  'service_request.submit': '提交服务需求（待验证）',
  'service_request.file': '服务需求受理登记',
  'service_request.plan_deadline': '计算受理期限',
  'service_request.accept': '受理服务需求',
  'service_request.match': '对接服务机构',
  'service_request.close': '办结服务需求',
  'service_request.escalate': '逾期未受理，转服务总站',
  'service_request.void': '服务需求作废',
  'promotion_session.record': '登记推广宣讲',
  'promotion_duty.duty_check': '检查年度推广任务',
  'theme_month.plan': '制定主题月计划',
  'training.record': '登记培训',
  'demand_report.submit': '报送需求信息',
  'cycle.open': '开启年度考核',
  'cycle.change_settings': '调整考核设置',
  'cycle.manual_score': '人工评分',
  'cycle.compute': '计算考核结果',
  'cycle.publish': '公布考核结果',
  'cycle.record_non_participation': '登记未参加考核',
  'evidence.record_evidence': '记录考核材料',
  'evidence.void_evidence': '考核材料作废',
  'work_document.submit': '报送工作计划或总结',
  'work_deadlines.set_deadlines': '设置报送期限',
  'work_deadlines.deadline_passed': '报送期限已过',
  'rectification.order': '责令整改',
  'rectification.submit_report': '提交整改报告',
  'rectification.report_missing': '逾期未提交整改报告',
  'rectification.reassess': '整改复查',
  'rectification.close': '整改结束',
  'revocation.propose': '提出撤销建议',
  'revocation.add_evidence': '补充撤销依据材料',
  'revocation.revoke': '决定撤销',
  'revocation.dismiss': '决定不予撤销',
  'revocation.supersede': '撤销建议被取代',
  'delivery.deliver': '通知已送达',
  'delivery.fail': '通知投递失败',
  'delivery.resend': '重新投递通知',
  'recipient.set_preferences': '修改通知接收方式',
  'organisation.set_contact': '设置通知联系人',
  'organisation.erase_contact': '删除通知联系人',
  'official.delete': '删除工作人员',
  'person.mint_dev_token': '开发环境登录',
  'event.route': '分发事件',
};

export interface AuditEntry {
  at: string;
  actor: string;
  role: string;
  action: string;
  target_type: string;
  target_id: string;
  reason?: string | null;
  details: Record<string, unknown>;
}

export function actionLabel(entry: Pick<AuditEntry, 'action' | 'target_type'>): string {
  return ACTION_LABELS[`${entry.target_type}.${entry.action}`] ?? entry.action;
}

export function targetLabel(type: string): string {
  return TARGET_LABELS[type] ?? type;
}

/** Who acted, as the bureau reads it: the role's name, the public (no sign-in), or the services themselves. */
export function roleLabel(role: string): string {
  if (role === 'system') return '系统自动';
  if (role === 'public') return '公众（未登录）';
  return (roleLabels as Record<string, string>)[role] ?? role;
}

/** The details as "key：value" lines, values as plain text. */
export function detailLines(details: Record<string, unknown>): string[] {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}：${typeof value === 'string' ? value : JSON.stringify(value)}`);
}
