/**
 * Downloads of the whole commitment list (`/en/commitments/download.{csv,json,xlsx}`), one request per format from
 * the running server: the seconds from the request to the last byte, and the size. A download streams from the
 * database a batch at a time (decision 009), so this is the time someone waits for every commitment of the data set;
 * nothing is kept between two downloads. The CSV is the baseline the other formats are compared with.
 */
export const DOWNLOAD_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DownloadTime = { format: (typeof DOWNLOAD_FORMATS)[number]; seconds: number; bytes: number } | { format: string; error: string };

export async function measureDownloads(baseUrl: string): Promise<DownloadTime[]> {
  const times: DownloadTime[] = [];
  for (const format of DOWNLOAD_FORMATS) {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}/en/commitments/download.${format}`, { signal: AbortSignal.timeout(300_000) });
      const body = await response.arrayBuffer();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      times.push({ format, seconds: (performance.now() - started) / 1000, bytes: body.byteLength });
    } catch (error) {
      times.push({ format, error: (error as Error).message });
    }
  }
  return times;
}
