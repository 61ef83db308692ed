import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { LOCALES } from '../i18n/locales.ts';
import { POLICY_AREA_COLUMNS } from './dataset-columns.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';

const SQL_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations/002_policy_areas.sql');
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SQL_STRING = `'((?:[^']|'')*)'`;

/** The SQL with comments blanked out, quote-aware so that "--" inside a label survives. */
function withoutComments(sql: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (!inString && c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (c === "'") inString = !inString;
    out += c;
  }
  return out;
}

/** The VALUES body of the single `insert into <table>` statement, up to its closing semicolon. */
function insertBody(sql: string, table: string): string {
  const starts = [...sql.matchAll(new RegExp(`insert into ${table} \\(`, 'gi'))];
  expect(starts, `exactly one insert into ${table}`).toHaveLength(1);
  let inString = false;
  for (let i = starts[0]!.index; i < sql.length; i++) {
    if (sql[i] === "'") inString = !inString;
    else if (sql[i] === ';' && !inString) return sql.slice(starts[0]!.index, i);
  }
  throw new Error(`insert into ${table} has no closing semicolon`);
}

function unquote(literal: string): string {
  return literal.replaceAll("''", "'");
}

/** Splits one CSV line into fields: quoted fields may hold commas and doubled quotes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** The header row; a header cell could hold a quoted newline, so the row ends at the first newline outside quotes. */
function csvHeader(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let quoted = false;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) { end = i; break; }
  }
  return splitCsvLine(text.slice(0, end).replace(/\r$/, ''));
}

const rawSql = fs.readFileSync(SQL_FILE, 'utf8');
const sql = withoutComments(rawSql);

const areas = [...insertBody(sql, 'policy_areas').matchAll(new RegExp(`\\(\\s*${SQL_STRING}\\s*,\\s*(?:null|${SQL_STRING})\\s*,\\s*(\\d+)\\s*\\)`, 'g'))]
  .map((m) => ({ key: unquote(m[1]!), parent: m[2] === undefined ? null : unquote(m[2]), position: Number(m[3]) }));

const labels = [...insertBody(sql, 'policy_area_labels').matchAll(new RegExp(`\\(\\s*${SQL_STRING}\\s*,\\s*${SQL_STRING}\\s*,\\s*${SQL_STRING}\\s*\\)`, 'g'))]
  .map((m) => ({ key: unquote(m[1]!), locale: unquote(m[2]!), label: unquote(m[3]!) }));

const keys = new Set(areas.map((a) => a.key));
const label = (key: string, locale: string) => labels.find((l) => l.key === key && l.locale === locale)?.label;

describe('002_policy_areas.sql', () => {
  it('parses every row', () => {
    // A row the regexes missed would silently escape every check below.
    const tuples = (body: string) => (body.replace(/'(?:[^']|'')*'/g, "''").match(/\(/g) ?? []).length - 1; // minus the column list
    expect(areas.length).toBe(tuples(insertBody(sql, 'policy_areas')));
    expect(labels.length).toBe(tuples(insertBody(sql, 'policy_area_labels')));
    expect(areas.length).toBeGreaterThan(0);
  });

  it('has unique slug keys and unique positions', () => {
    for (const { key } of areas) expect(key).toMatch(SLUG);
    expect(keys.size).toBe(areas.length);
    expect(new Set(areas.map((a) => a.position)).size).toBe(areas.length);
  });

  it('refers only to parents that exist and are top-level', () => {
    for (const { key, parent } of areas) {
      if (parent === null) continue;
      expect(keys.has(parent), `${key} → ${parent}`).toBe(true);
      expect(areas.find((a) => a.key === parent)!.parent, `${parent} is itself a child`).toBeNull();
    }
  });

  it('labels every key once in each interface locale, and nothing else', () => {
    for (const key of keys) {
      for (const locale of LOCALES) expect(label(key, locale)?.trim(), `${key} ${locale}`).toBeTruthy();
    }
    expect(labels).toHaveLength(keys.size * LOCALES.length);
    for (const l of labels) expect(keys.has(l.key), l.key).toBe(true);
  });

  it("uses OGP's own French and Spanish wording where the site has it", () => {
    expect(label('capacity-building', 'fr')).toBe('Renforcement des capacités');
    expect(label('public-participation', 'fr')).toBe('Participation du public');
    expect(label('public-participation', 'es')).toBe('Participación pública');
  });
});

describe('POLICY_AREA_COLUMNS', () => {
  const columns = Object.entries(POLICY_AREA_COLUMNS);

  it('gives every key exactly one dataset column', () => {
    for (const [column, key] of columns) expect(keys.has(key), `${column} → ${key}`).toBe(true);
    expect(new Set(columns.map(([, key]) => key)).size).toBe(columns.length);
    expect(columns.length).toBe(keys.size);
  });

  it('follows the SQL positions', () => {
    const byPosition = [...areas].sort((a, b) => a.position - b.position).map((a) => a.key);
    expect(columns.map(([, key]) => key)).toEqual(byPosition);
  });

  it('is named in a SQL comment wherever the column differs from the English label', () => {
    for (const [column, key] of columns) {
      if (column !== label(key, 'en')) expect(rawSql, column).toContain(`-- column "${column}"`);
    }
  });

  it("matches the tag columns of OGP's dataset header, in order", () => {
    const header = csvHeader(OGP_DATASET_FILE);
    for (const [column] of columns) expect(header, column).toContain(column);
    // The tags sit between the institutions and the IRM columns: a tag OGP adds there must get a key.
    const first = header.indexOf('Supporting Institution(s)') + 1;
    const last = header.indexOf('Report Publication Year (Progress Report)');
    expect(header.slice(first, last)).toEqual(columns.map(([column]) => column));
  });
});
