import { districtName } from '@/labels';
import { inboxNames } from '../texts';

/** Whose inbox a message came to, in words: "org:…", "district:440106", "group:bureau", "official:…". */
export function inboxName(inbox: string): string {
  const [kind, id = ''] = inbox.split(':', 2) as [string, string?];
  if (kind === 'org') return inboxNames.org;
  if (kind === 'district') return inboxNames.district(districtName(id));
  if (kind === 'group' && id === 'head_station') return inboxNames.head_station;
  if (kind === 'group' && id === 'bureau') return inboxNames.bureau;
  return inboxNames.official;
}
