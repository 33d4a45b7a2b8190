import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';
import { siteTexts } from '@/public/layout/texts';

/** The browser tab's title: "<page> - 广州市民营和中小企业服务站". */
export function usePageTitle(title: MaybeRefOrGetter<string>): void {
  watchEffect(() => {
    const page = toValue(title);
    document.title = page ? `${page} - ${siteTexts.siteName}` : siteTexts.siteName;
  });
}
