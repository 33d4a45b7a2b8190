import { describe, expect, it } from 'vitest';
import { fileProblem, formatSize, MAX_UPLOAD_BYTES } from '@/console/applicant/upload';

describe('a material is checked before it is sent', () => {
  it('accepts PDF, PNG, JPEG and DOCX up to 20 MB', () => {
    expect(fileProblem({ name: '营业执照.PDF', size: 1024, type: 'application/pdf' })).toBeNull();
    expect(fileProblem({ name: '场地照片.png', size: 1024, type: 'image/png' })).toBeNull();
    expect(fileProblem({ name: 'scan.jpeg', size: 1024, type: '' })).toBeNull();
    expect(
      fileProblem({ name: '制度.docx', size: MAX_UPLOAD_BYTES, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    ).toBeNull();
  });

  it('refuses another type, by name or by what the browser says it is', () => {
    expect(fileProblem({ name: 'setup.exe', size: 1024, type: 'application/x-msdownload' })).toBe(
      '“setup.exe”不是可接受的文件类型：仅接受 PDF、PNG、JPEG、DOCX 文件',
    );
    expect(fileProblem({ name: 'old.doc', size: 1024, type: 'application/msword' })).toContain('不是可接受的文件类型');
    expect(fileProblem({ name: 'fake.pdf', size: 1024, type: 'application/x-msdownload' })).toContain('不是可接受的文件类型');
  });

  it('refuses a file over 20 MB, and an empty one, saying which', () => {
    expect(fileProblem({ name: 'big.pdf', size: MAX_UPLOAD_BYTES + 1, type: 'application/pdf' })).toBe(
      '“big.pdf”大小为 20.0 MB，超过 20 MB 上限，请压缩或拆分后上传',
    );
    expect(fileProblem({ name: 'empty.pdf', size: 0, type: 'application/pdf' })).toBe('“empty.pdf”是空文件，请重新选择');
  });

  it('writes sizes as a person reads them', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(21 * 1024 * 1024)).toBe('21.0 MB');
  });
});
