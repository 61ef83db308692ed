import { escapeHtml } from '@kitajs/html';
import { renderSVG } from 'uqr';

/**
 * A QR code as inline SVG, drawn on the server (`uqr`): no script, no image request, and nothing the strict CSP
 * refuses (colours are SVG attributes, not `style`). The picture is named for screen readers by `label`; the page
 * keeps the same content as text beside it. The SVG holds only rectangles and path data computed from `text`, so no
 * part of `text` reaches the markup.
 */
export function qrCodeSvg(text: string, label: string): string {
  // Four modules of white border: the quiet zone readers need around a QR code.
  const svg = renderSVG(text, { border: 4, ecc: 'M' });
  return svg.replace('<svg ', `<svg class="qr-code" width="240" height="240" role="img" aria-label="${escapeHtml(label)}" `);
}
