/**
 * What the applicant is told of the district's decision, as the notifications service's templates
 * say it (application_returned / application_rejected / application_forwarded.applicant), and what
 * happens next: shown in the confirmation before the officer decides.
 */
import { districtName } from '@/labels';

export type DecisionKind = 'forward' | 'return' | 'reject';

export interface NoticeFacts {
  entityName: string;
  roundYear: number;
  districtCode: string;
  /** "新申请" or "复核". */
  kindLabel: string;
  /** The round's forwarding deadline, formatted; null when the round is unknown. */
  deadline: string | null;
}

export interface ApplicantNotice {
  subject: string;
  body: string;
  /** Numbered in the message, one a line; empty for a forward. */
  reasons: string[];
  /** The closing sentence of the message. */
  closing: string;
  /** Mandatory notices go out by in-app message, e-mail and SMS. */
  mandatory: boolean;
  next: string;
}

/** The reasons as they will be sent: trimmed, blank ones left out. */
export function cleanReasons(reasons: readonly string[]): string[] {
  return reasons.map((reason) => reason.trim()).filter((reason) => reason !== '');
}

export function applicantNotice(decision: DecisionKind, facts: NoticeFacts, reasons: readonly string[]): ApplicantNotice {
  const department = `${districtName(facts.districtCode)}民营和中小企业主管部门`;
  const application = `${facts.entityName}提交的${facts.roundYear}年度服务站认定申请`;
  switch (decision) {
    case 'return':
      return {
        subject: '服务站认定申请被退回补正',
        body: `${application}，被${department}退回补正。需补充或更正的内容：`,
        reasons: cleanReasons(reasons),
        closing: '请按要求补正后重新提交。',
        mandatory: true,
        next:
          `申请单位按以上内容补正后重新提交${facts.deadline ? `，须在本批次区级初审上报截止日（${facts.deadline}）前重新提交` : ''}。` +
          '重新提交后，申请回到“待初审”，由本区再次初审。',
      };
    case 'reject':
      return {
        subject: '服务站认定申请初审未通过',
        body: `${application}，经${department}初审，决定不予通过。理由如下：`,
        reasons: cleanReasons(reasons),
        closing: `如有疑问，请与${department}联系。`,
        mandatory: true,
        next: '本申请即告办结，不进入专家评审；申请单位不能再修改或重新提交本申请。',
      };
    case 'forward':
      return {
        subject: '服务站认定申请已通过区初审',
        body: `${facts.entityName}的${facts.roundYear}年度服务站${facts.kindLabel}申请已通过${department}初审，上报市工业和信息化局，下一步将由服务总站组织专家评审。`,
        reasons: [],
        closing: '',
        mandatory: false,
        next: '申请上报市工业和信息化局，由服务总站组织专家评审、形成推荐意见。初审意见随申请一并上报，申请单位在申请详情中也可看到。上报后本区不能再退回补正或撤回。',
      };
  }
}
