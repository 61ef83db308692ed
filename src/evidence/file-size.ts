import type { Intl } from '../i18n/intl.ts';

/**
 * A file's size in the page's language, by Intl's unit formatting ("45 bytes", "45 octets", "baiti 45",
 * "1.5 MB", "1,5 Mo"): bytes in full (the short English form is "45 byte"), kilobytes and megabytes short, in the
 * largest unit that keeps the number at 1 or more. Units of 1,024, as the upload limit is set
 * (`AHADI_UPLOAD_MAX_MB` × 1,024²), so that a file at the limit and the limit read the same ("20 MB").
 */
export function formatFileSize(intl: Intl, bytes: number): string {
  if (bytes < 1024) return intl.formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const [unit, size] = bytes >= 1024 ** 2 ? ['megabyte', bytes / 1024 ** 2] : ['kilobyte', bytes / 1024];
  return intl.formatNumber(size, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
}
