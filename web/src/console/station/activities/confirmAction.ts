/**
 * A confirmation before a consequential action, saying exactly what will happen. Resolves true
 * when the person confirms; false when they cancel or close the dialog.
 */
import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { sharedTexts } from './texts';

export interface Confirmation {
  title: string;
  /** What will happen, in full sentences. */
  message: string;
  /** The confirming button: the action's own name ("确认受理"), not "OK". */
  confirm: string;
  /** A cancellation or other irreversible step is shown as a warning. */
  tone?: 'warning' | 'info';
}

export async function confirmAction({ title, message, confirm, tone = 'warning' }: Confirmation): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirm,
      cancelButtonText: sharedTexts.cancel,
      type: tone,
      closeOnClickModal: false,
      autofocus: false,
    });
    return true;
  } catch {
    return false;
  }
}
