import { toValue, watchEffect, type MaybeRefOrGetter } from 'vue';
import { consoleTexts } from '../texts';

/** The browser tab's title: "<page> - 广州市民营和中小企业服务站工作台". */
export function useConsoleTitle(title: MaybeRefOrGetter<string>): void {
  watchEffect(() => {
    document.title = consoleTexts.pageTitle(toValue(title));
  });
}
