/**
 * A Content-Disposition header with the uploader's file name in both forms: an ASCII `filename` for old clients
 * and the exact UTF-8 name as `filename*` (RFC 6266, RFC 5987). Names are already cleaned of control characters.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
