/**
 * Uploading an application's material: checked here first (type and size, as the registry's file
 * store checks them), then sent with XMLHttpRequest, whose upload progress fetch cannot report.
 * The request carries the session's bearer token like every other call; a 401 ends the session.
 */
import { ApiError, asProblem } from '@/api/problem';
import { credentials } from '../api';
import type { Attachment, AttachmentKind } from './calls';
import { ruleTexts } from './texts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The types the registry keeps (read from the bytes there), by extension and by the browser's MIME type. */
const ACCEPTED: ReadonlyArray<{ extensions: readonly string[]; type: string }> = [
  { extensions: ['.pdf'], type: 'application/pdf' },
  { extensions: ['.png'], type: 'image/png' },
  { extensions: ['.jpg', '.jpeg'], type: 'image/jpeg' },
  { extensions: ['.docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
];

/** For the file input's `accept`: the chooser offers these first. */
export const ACCEPT = ACCEPTED.flatMap((a) => [...a.extensions, a.type]).join(',');

/** "1.5 MB", "820 KB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Why this file would be refused (before any byte is sent), or null. */
export function fileProblem(file: { name: string; size: number; type: string }): string | null {
  const name = file.name.toLowerCase();
  const byName = ACCEPTED.find((a) => a.extensions.some((extension) => name.endsWith(extension)));
  // A browser that knows the type must agree with the name; one that does not says "".
  if (!byName || (file.type !== '' && file.type !== byName.type)) return ruleTexts.fileType(file.name);
  if (file.size === 0) return ruleTexts.fileEmpty(file.name);
  if (file.size > MAX_UPLOAD_BYTES) return ruleTexts.fileSize(file.name, formatSize(file.size));
  return null;
}

export interface UploadRequest {
  applicationId: string;
  kind: AttachmentKind;
  file: File;
  /** 0–100 as the bytes go out. */
  onProgress: (percent: number) => void;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Sends the file (multipart: `kind`, `file`); resolves with the attachment as listed, rejects with an ApiError. */
export function uploadAttachment({ applicationId, kind, file, onProgress }: UploadRequest): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/registry/applications/${encodeURIComponent(applicationId)}/attachments`);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = credentials.accessToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    request.onload = () => {
      const body = parsed(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve(body as Attachment);
        return;
      }
      if (request.status === 401) credentials.rejected(body);
      reject(new ApiError(request.status, asProblem(body, request.status)));
    };
    request.onerror = () => reject(new ApiError(0, null));
    request.onabort = () => reject(new ApiError(0, null));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    request.send(form);
  });
}
