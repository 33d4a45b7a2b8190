/** How an attachment is shown: a PDF or an image in the browser, anything else (DOCX) downloaded. */
export type PreviewKind = 'pdf' | 'image' | 'download';

export function previewKind(contentType: string, filename = ''): PreviewKind {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf' || (type === 'application/octet-stream' && /\.pdf$/i.test(filename))) return 'pdf';
  if (type === 'image/png' || type === 'image/jpeg') return 'image';
  return 'download';
}

/** "1.2 MB", "340 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Saves a file the page fetched (with the officer's token) under its own name. */
export function saveFile(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
