/**
 * A confirmation before a consequential action, saying exactly what will happen: true when the
 * person confirms, false when they cancel or close the dialog.
 */
import { ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message-box/style/css';
import { commonTexts } from './texts';

export interface Confirmation {
  title: string;
  message: string;
  /** The confirming button says what it does ("确认签署"), never just "OK". */
  confirm: string;
}

export async function confirmed({ title, message, confirm }: Confirmation): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirm,
      cancelButtonText: commonTexts.cancel,
      type: 'warning',
      closeOnClickModal: false,
      autofocus: false,
    });
    return true;
  } catch {
    return false;
  }
}
