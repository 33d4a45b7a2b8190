/**
 * The confirmation before a consequential decision: its title, what will happen (one paragraph a
 * sentence) and a confirming button named for the action. True when the person confirms.
 */
import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { h } from 'vue';
import { commonTexts } from './texts';

export interface Confirmation {
  title: string;
  paragraphs: readonly string[];
  confirm: string;
  tone?: 'warning' | 'info';
}

export async function confirmDecision({ title, paragraphs, confirm, tone = 'warning' }: Confirmation): Promise<boolean> {
  try {
    await ElMessageBox.confirm(
      h(
        'div',
        { class: 'bureau-confirm' },
        paragraphs.map((text) => h('p', { class: 'bureau-confirm__paragraph' }, text)),
      ),
      title,
      {
        confirmButtonText: confirm,
        cancelButtonText: commonTexts.cancel,
        type: tone,
        closeOnClickModal: false,
        autofocus: false,
        customClass: 'bureau-confirm-box',
      },
    );
    return true;
  } catch {
    return false;
  }
}
