import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The gateway sends "script-src 'self'" (infra/nginx/security-headers.conf): the page shell must
// work with no inline script and no inline style.
describe('index.html under a strict Content-Security-Policy', () => {
  const html = readFileSync(path.resolve(process.cwd(), 'index.html'), 'utf8');

  it('has no inline script, no inline style, no event-handler attribute', () => {
    for (const script of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(script).toMatch(/\ssrc="[^"]+"/);
      expect(script.replace(/<script\b[^>]*>|<\/script>/g, '').trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it('is in Chinese', () => {
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<title>广州市民营和中小企业服务站<\/title>/);
  });
});
