import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from './qr-code.ts';

describe('qrCodeSvg', () => {
  it('draws only rectangles and paths, named by an escaped label, with no style for the CSP to refuse', () => {
    const svg = qrCodeSvg('otpauth://totp/Ahadi:a%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Ahadi', 'QR "code" <of> & it');
    expect(svg).toMatch(/^<svg class="qr-code" width="240" height="240" role="img" aria-label="QR &#34;code&#34; &lt;of> &amp; it" /);
    expect([...svg.matchAll(/<([a-z]+)/g)].map((m) => m[1])).toEqual(['svg', 'rect', 'path']);
    expect(svg).not.toMatch(/style|script|otpauth|example/);
  });
});
