import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Db } from '../db/connect.ts';
import { csvStream } from '../downloads/csv-stream.ts';
import { OPEN_DATA_TABLES } from './open-data-tables.ts';
import { tableRows } from './table-rows.queries.ts';
import { DICTIONARY_HEADER, dataPackageResource, dictionaryRows, rowJsonSchemaFile } from './table-schemas.ts';

export const PACKAGE_FOLDER = 'ahadi-open-data';
export const LICENCE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' };

/**
 * The open-data package as a zip stream (yazl): every table as CSV, with its JSON Schema and data dictionary,
 * datapackage.json and a README giving the licence and the generation date. Tables are read one after the other,
 * each only when the zip reaches it (`addReadStreamLazy`), a batch of rows at a time, so the package is never
 * in memory and at most one query runs for it at any moment.
 */
export function openDataPackage(db: Db, { generatedAt, baseUrl }: { generatedAt: Date; baseUrl: string }): Readable {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  // A failed query ends the download: the reader gets a broken zip, never a quietly incomplete one.
  const fail = (error: Error) => output.destroy(error);
  zip.on('error', fail);
  const options = { mtime: generatedAt, mode: 0o100644 };
  const add = (path: string, text: string) => zip.addBuffer(Buffer.from(text, 'utf8'), `${PACKAGE_FOLDER}/${path}`, options);
  // yazl pipes an entry's stream without watching it for errors: watch them here.
  const addLazy = (path: string, open: () => Readable) => zip.addReadStreamLazy(`${PACKAGE_FOLDER}/${path}`, options,
    (callback) => callback(null, open().on('error', fail)));

  add('README.md', readme(generatedAt, baseUrl));
  add('datapackage.json', `${JSON.stringify(dataPackage(generatedAt, baseUrl), null, 2)}\n`);
  for (const table of OPEN_DATA_TABLES) {
    add(`schemas/${table.name}.schema.json`, rowJsonSchemaFile(table, baseUrl));
    addLazy(`dictionary/${table.name}.csv`, () => csvStream(DICTIONARY_HEADER, dictionaryRows(table)));
    addLazy(`data/${table.name}.csv`, () => csvStream(table.columns.map((c) => c.name), tableRows(db, table)));
  }
  zip.end();
  return output;
}

function dataPackage(generatedAt: Date, baseUrl: string) {
  return {
    name: 'ahadi-open-data',
    title: 'Ahadi: Open Government Partnership commitments',
    homepage: `${baseUrl}/en/open-data`,
    created: generatedAt.toISOString(),
    licenses: [LICENCE],
    sources: [
      { title: 'Ahadi', path: `${baseUrl}/` },
      { title: 'Open Government Partnership', path: 'https://www.opengovpartnership.org/' },
    ],
    resources: OPEN_DATA_TABLES.map(dataPackageResource),
  };
}

function readme(generatedAt: Date, baseUrl: string): string {
  const tables = OPEN_DATA_TABLES.map((t) =>
    `| \`data/${t.name}.csv\` | ${t.description} | \`schemas/${t.name}.schema.json\` | \`dictionary/${t.name}.csv\` |`);
  return `# Ahadi open data

Everything Ahadi (${baseUrl}/) publishes about Open Government Partnership (OGP) commitments: members, action
plans, commitments in every language they exist in, milestones, institutions, policy areas, the reviews and
ratings of the Independent Reporting Mechanism (IRM), and what closed reporting rounds published: the institutions'
reports on milestones, their public evidence and civil society's verdicts. Rounds still open, evidence restricted
by its institution, and reviewers as persons (they are named by their organisation) are not published.

Generated: ${generatedAt.toISOString()}

## Licence

The data is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0,
${LICENCE.path}). Credit it as "Ahadi". Much of it comes from the Open Government Partnership (its commitment
dataset and commitment pages, its policy-area taxonomy and the IRM's reports): credit that data as
"Open Government Partnership (https://www.opengovpartnership.org/), CC BY 4.0".

## Files

| Data | What | JSON Schema of a row | Data dictionary |
|---|---|---|---|
${tables.join('\n')}

- CSV files are UTF-8 with a byte-order mark, comma-separated, fields quoted with double quotes when needed,
  records separated by CRLF, with a header row. An empty cell means "no value" (null). Values are written exactly
  as stored: to look at a file in a spreadsheet, import it (LibreOffice: Sheet > Insert Sheet from File, with
  "Evaluate formulas" off) rather than opening it, so that a text starting with "=" stays text.
- \`id\` columns are Ahadi's keys: they join the tables of one package. OGP's own ids (\`ogp_id\`, \`code\`) are
  the ones to use across packages and sources.
- Each JSON Schema describes one row with empty cells read as null and integer columns read as numbers.
- Each data dictionary lists the columns of a table: name, type, whether it is always filled, its allowed values
  and its meaning.
- \`datapackage.json\` describes the whole package in the Frictionless Data format (https://specs.frictionlessdata.io/).
- Prose (\`*_texts\` tables) has one row per language; \`source_locale\` says which language a text was written in.
- \`boolean\` columns hold \`true\` or \`false\`.
`;
}
