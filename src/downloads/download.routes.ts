import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../http/server.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { parseQuery } from '../http/query.ts';
import { CommitmentFiltersSchema, filtersToQuery } from '../commitments/commitment-filters.ts';
import { DOWNLOAD_FORMATS, type DownloadFormat } from './download-url.ts';
import { exportCommitments } from './commitment-export.queries.ts';
import { EXPORT_COLUMNS, exportColumnMeaning, toCells, type ExportRow } from './export-columns.ts';
import { csvStream } from './csv-stream.ts';
import { xlsxStream } from './xlsx-stream.ts';
import { jsonStream } from './json-stream.ts';
import { intlFor } from '../i18n/intl.ts';

// The JSON download's column meanings are English in every language, as its keys and the package's dictionaries.
const ENGLISH = intlFor('en');

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * `/{locale}/commitments/download.{csv,xlsx,json}?<filters of the list page>`: every commitment of the filtered
 * list, in its order, titles in the URL's language where they exist. Streamed as the rows are read.
 */
export function registerDownloadRoutes(app: FastifyInstance, { db }: AppDeps): void {
  for (const format of DOWNLOAD_FORMATS) {
    app.get<{ Params: { locale: string } }>(`/:locale/commitments/download.${format}`, async (request, reply) => {
      const intl = intlFromParams(request.params);
      const filters = parseQuery(CommitmentFiltersSchema, request.query);
      const rows = exportCommitments(db, filters, intl.locale);
      const generatedAt = new Date();
      const body = format === 'json'
        ? jsonStream({
          generated_at: generatedAt.toISOString(),
          locale: intl.locale,
          filters: filtersToQuery(filters),
          columns: EXPORT_COLUMNS.map(({ key }) => ({ key, description: exportColumnMeaning(ENGLISH, key) })),
        }, 'commitments', rows)
        : spreadsheet(format, rows);
      return reply
        .header('content-disposition', `attachment; filename="ahadi-commitments-${generatedAt.toISOString().slice(0, 10)}.${format}"`)
        .header('cache-control', 'public, max-age=300')
        .type(CONTENT_TYPES[format])
        .send(body);
    });
  }
}

function spreadsheet(format: 'csv' | 'xlsx', rows: AsyncIterable<ExportRow>): Readable {
  const cells = (async function* () {
    for await (const row of rows) yield toCells(row);
  })();
  if (format === 'csv') return csvStream(EXPORT_COLUMNS.map((c) => c.key), cells, { guardFormulas: true });
  return xlsxStream('commitments', EXPORT_COLUMNS.map((c) => ({
    header: c.key,
    width: c.key === 'title' ? 60 : c.kind === 'list' ? 40 : c.kind === 'integer' ? 10 : 18,
    wrap: c.kind === 'list',
  })), cells);
}
