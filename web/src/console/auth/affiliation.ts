import { districtName, isDistrictCode } from '@/labels';
import { roleLabels } from '../texts';
import type { Profile } from './claims';

/** The district a profile works in: an officer's own, an operator's from its USCC's division code. */
export function districtOf(profile: Profile): string | null {
  if (profile.district) return districtName(profile.district);
  const division = profile.org?.slice(2, 8) ?? '';
  return isDistrictCode(division) ? districtName(division) : null;
}

/** "区级主管部门 · 天河区", "服务站运营单位 · 天河区", "市工业和信息化局": what the header shows under the name. */
export function affiliation(profile: Profile): string {
  const district = districtOf(profile);
  return district ? `${roleLabels[profile.role]} · ${district}` : roleLabels[profile.role];
}
