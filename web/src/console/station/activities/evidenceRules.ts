/** What the service accepts as a photo or sign-in sheet: PDF, PNG, JPEG or DOCX, up to 20 MB. */
import { activityTexts } from './texts';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
const TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);
const EXTENSIONS = /\.(pdf|png|jpe?g|docx)$/i;
/** For the file chooser: what it offers first. */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,application/pdf,image/png,image/jpeg';

/** What is wrong with the chosen file, judged by its declared type, name and size; null when nothing. */
export function evidenceProblem(file: File | null): string | null {
  const say = activityTexts.fileProblems;
  if (!file) return say.missing;
  if (file.size === 0) return say.empty;
  if (!TYPES.has(file.type) && !EXTENSIONS.test(file.name)) return say.type;
  if (file.size > MAX_EVIDENCE_BYTES) return say.size;
  return null;
}

/** "1.5 MB", "320 KB": a file's size as people read it. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
