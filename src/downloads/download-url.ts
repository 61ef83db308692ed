import { filtersToQuery, type CommitmentFilters } from '../commitments/commitment-filters.ts';

export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** The download of the list the page shows for these filters (`/{locale}/commitments?...`), in one format. */
export function downloadUrl(locale: string, format: DownloadFormat, filters: CommitmentFilters): string {
  return `/${locale}/commitments/download.${format}${filtersToQuery(filters)}`;
}
