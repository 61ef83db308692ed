import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import yauzl from 'yauzl';
import { parse } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { HOSTILE_TITLE, saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';
import { savePublicReportingFixture } from '../../test/helpers/public-reporting-data.ts';
import { saveDatedCommitments } from '../../test/helpers/dated-commitments.ts';
import { LEFT_OUT_COLUMNS, OPEN_DATA_TABLES, type OpenDataTable } from './open-data-tables.ts';
import { tableRows } from './table-rows.queries.ts';
import { loadMessages } from '../i18n/intl.ts';
import { EXPORT_COLUMNS } from '../downloads/export-columns.ts';

let t: TestApp;
let files: Map<string, Buffer>;
let generatedBetween: [number, number];
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
  // Commitments numbered as their plan writes them ("1.2", "III.4").
  await saveDatedCommitments(t.database.db);
  // Two closed rounds and an open one, with restricted evidence and named reviewers that must stay out of the package.
  await savePublicReportingFixture(t.database.db);
  const before = Date.now();
  const res = await t.app.inject('/open-data/ahadi-open-data.zip');
  generatedBetween = [before, Date.now()];
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ahadi-open-data-\d{4}-\d\d-\d\d\.zip"$/);
  files = await unzip(res.rawPayload);
});
afterAll(async () => { await t.close(); });

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      archive.on('error', reject).on('end', () => resolve(found)).on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

const file = (name: string) => {
  const content = files.get(`ahadi-open-data/${name}`);
  expect(content, name).toBeDefined();
  return content!;
};

/** A CSV row typed as its JSON Schema describes it: empty cells null, integer columns numbers, booleans true/false. */
function typedRows(table: OpenDataTable): Record<string, unknown>[] {
  const [header, ...rows] = parse(file(`data/${table.name}.csv`), { bom: true }) as string[][];
  expect(header).toEqual(table.columns.map((c) => c.name));
  return rows.map((row) => Object.fromEntries(table.columns.map((c, i) => {
    const cell = row[i]!;
    return [c.name, cell === '' ? null : c.type === 'integer' ? Number(cell) : c.type === 'boolean' ? cell === 'true' : cell];
  })));
}

describe('GET /open-data/ahadi-open-data.zip', () => {
  it('holds every table as CSV, with its JSON Schema and data dictionary, datapackage.json and a README', () => {
    const expected = ['README.md', 'datapackage.json', ...OPEN_DATA_TABLES.flatMap((table) => [
      `data/${table.name}.csv`, `schemas/${table.name}.schema.json`, `dictionary/${table.name}.csv`])];
    expect([...files.keys()].sort()).toEqual(expected.map((name) => `ahadi-open-data/${name}`).sort());
    expect(OPEN_DATA_TABLES.map((table) => table.name)).toEqual([
      'members', 'action_plans', 'institutions', 'policy_areas', 'policy_area_labels', 'commitments', 'commitment_texts',
      'commitment_institutions', 'commitment_policy_areas', 'milestones', 'milestone_texts', 'irm_reviews',
      'irm_review_texts', 'irm_ratings', 'reporting_rounds', 'reporting_round_snapshots', 'round_snapshot_institutions',
      'milestone_reports', 'evidence_items', 'evidence_files', 'milestone_report_verdicts']);
  });

  it('has as many rows in each CSV as the table has published rows, every one valid against its JSON Schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    for (const table of OPEN_DATA_TABLES) {
      const schema = JSON.parse(file(`schemas/${table.name}.schema.json`).toString('utf8'));
      const validate = ajv.compile(schema);
      const rows = typedRows(table);
      const { rows: [count] } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}
        where ${table.published ?? sql`true`}`.execute(t.database.db);
      expect(rows.length, table.name).toBe(count!.n);
      expect(rows.length, `${table.name} is not empty in the test data`).toBeGreaterThan(0);
      for (const row of rows) expect(validate(row), `${table.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('writes values exactly as stored, hostile text included', async () => {
    const texts = typedRows(OPEN_DATA_TABLES.find((table) => table.name === 'commitment_texts')!);
    const stored = await t.database.db.selectFrom('commitment_texts').select(['commitment_id', 'locale', 'title', 'description'])
      .orderBy('commitment_id').orderBy('locale').execute();
    expect(texts.map((r) => ({ commitment_id: String(r.commitment_id), locale: r.locale, title: r.title, description: r.description })))
      .toEqual(stored);
    expect(texts.some((r) => r.title === HOSTILE_TITLE)).toBe(true);
    const ratings = typedRows(OPEN_DATA_TABLES.find((table) => table.name === 'irm_ratings')!);
    expect(ratings).toContainEqual(expect.objectContaining({ indicator: 'relevance_technology', state: 'no_data', value: null }));
    const commitments = typedRows(OPEN_DATA_TABLES.find((table) => table.name === 'commitments')!);
    expect(commitments.filter((r) => r.number_label !== null).map((r) => [r.ogp_id, r.number_in_plan, r.number_label]))
      .toEqual([['UG0012', null, '1.2'], ['UG0013', null, 'III.4']]);
  });

  it('publishes reporting as the public sees it: closed rounds only, no restricted evidence, no persons', async () => {
    const table = (name: string) => typedRows(OPEN_DATA_TABLES.find((candidate) => candidate.name === name)!);
    expect(table('reporting_rounds').map((r) => r.label)).toEqual(['2021 Q3', '2021 Q4']);
    const snapshots = table('reporting_round_snapshots');
    expect(snapshots).toHaveLength(14);
    expect(snapshots.filter((s) => s.status === null)).toHaveLength(3);
    expect(snapshots.filter((s) => s.late === true)).toHaveLength(3);
    // Every snapshot names its responsible_institution_id first; the six of milestones 5-7 are co-led and name the
    // other lead of KE0031 second (test/helpers/public-reporting-data.ts).
    const responsible = table('round_snapshot_institutions');
    expect(responsible).toHaveLength(14 + 6);
    const coLed = snapshots.filter((snapshot) => {
      const named = responsible.filter((r) => r.reporting_round_id === snapshot.reporting_round_id && r.milestone_id === snapshot.milestone_id);
      expect(named[0]?.institution_id).toBe(snapshot.responsible_institution_id);
      expect(named.map((r) => r.position)).toEqual(named.length === 2 ? [0, 1] : [0]);
      expect(new Set(named.map((r) => r.institution_id)).size).toBe(named.length);
      return named.length === 2;
    });
    expect(coLed).toHaveLength(6);
    const reports = table('milestone_reports');
    expect(reports).toHaveLength(11);
    expect(new Set(reports.map((r) => r.id))).toEqual(new Set(snapshots.flatMap((s) => (s.milestone_report_id === null ? [] : [s.milestone_report_id]))));
    expect(reports).toContainEqual(expect.objectContaining({ narrative: 'Notes d’orientation rédigées pour trois domaines.', narrative_locale: 'fr', status: 'in_progress', percent_complete: 40 }));
    const evidence = table('evidence_items');
    expect(evidence.map((e) => e.title).sort()).toEqual(['County list', 'County network page', 'Guidance note on open contracting',
      'Guidance notes, final', 'Minutes', 'Published guidance notes', 'Roundtable reports']);
    expect(evidence).toContainEqual(expect.objectContaining({ title: 'County network page', link_fetched_at: null, link_error: 'connection refused' }));
    expect(table('evidence_files').map((f) => f.sha256).sort()).toEqual(evidence.flatMap((e) => (e.file_sha256 ? [e.file_sha256] : [])).sort());
    const verdicts = table('milestone_report_verdicts');
    expect(verdicts.map((v) => v.verdict).sort()).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'disputed', 'disputed', 'insufficient_evidence']);
    expect(verdicts).toContainEqual(expect.objectContaining({ verdict: 'disputed', comment: 'Two notes are still drafts.', reviewer_institution_id: null }));
    // Nothing of the open round, of restricted items or of the reviewers as persons, anywhere in the package.
    const everything = [...files.values()].map((content) => content.toString('utf8')).join('\n');
    const reviewers = await t.database.db.selectFrom('accounts').select(['id', 'email', 'name']).where('role', '=', 'civil_society_reviewer').execute();
    const secrets = ['OPEN ROUND', '2022 Q1', 'draft.pdf', 'Attendance list', 'attendance.pdf', 'telephone numbers', 'Internal review',
      'intranet.example.org', 'Internal document of the steering committee', ...reviewers.flatMap((r) => [r.email, r.name])];
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
    expect(reviewers.length).toBeGreaterThan(0);
  });

  it('describes each column in a data dictionary, and the package in datapackage.json with its licence and date', () => {
    for (const table of OPEN_DATA_TABLES) {
      const [header, ...rows] = parse(file(`dictionary/${table.name}.csv`), { bom: true }) as string[][];
      expect(header).toEqual(['column', 'type', 'required', 'values', 'meaning']);
      expect(rows.map((r) => r[0])).toEqual(table.columns.map((c) => c.name));
      for (const row of rows) expect(row[4], `${table.name}.${row[0]}`).toMatch(/\w{3,}/);
    }
    const descriptor = JSON.parse(file('datapackage.json').toString('utf8'));
    expect(descriptor.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    const created = Date.parse(descriptor.created);
    expect(created).toBeGreaterThanOrEqual(generatedBetween[0] - 1000);
    expect(created).toBeLessThanOrEqual(generatedBetween[1]);
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(OPEN_DATA_TABLES.map((table) => `data/${table.name}.csv`));
    const readme = file('README.md').toString('utf8');
    expect(readme).toContain(`Generated: ${descriptor.created}`);
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain('"Open Government Partnership (https://www.opengovpartnership.org/), CC BY 4.0"');
  });

  it('declares the joins of the tables as foreign keys, every value of which is in the table it refers to', () => {
    const descriptor = JSON.parse(file('datapackage.json').toString('utf8')) as {
      resources: { name: string; path: string; schema: { fields: { name: string }[]; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] } }[];
    };
    const byName = new Map(descriptor.resources.map((r) => [r.name, r]));
    const column = (path: string, name: string) => {
      const [header, ...rows] = parse(files.get(`ahadi-open-data/${path}`)!, { bom: true }) as string[][];
      const index = header!.indexOf(name);
      expect(index, `${path}: ${name}`).toBeGreaterThanOrEqual(0);
      return rows.map((row) => row[index]!).filter((value) => value !== '');
    };
    let checked = 0;
    for (const resource of descriptor.resources) {
      const keys = resource.schema.foreignKeys ?? [];
      // Every reference to another row is declared: the *_id columns (OGP's ogp_id is no key of ours), the policy-area
      // keys and the evidence files.
      const referring = resource.schema.fields.map((f) => f.name)
        .filter((n) => n !== 'ogp_id' && /_id$|^policy_area_key$|^file_sha256$/.test(n));
      expect(keys.map((k) => k.fields).sort(), resource.name).toEqual(referring.sort());
      for (const key of keys) {
        const target = key.reference.resource === '' ? resource : byName.get(key.reference.resource);
        expect(target, `${resource.name}.${key.fields}`).toBeDefined();
        const known = new Set(column(target!.path, key.reference.fields));
        const values = column(resource.path, key.fields);
        const dangling = values.filter((value) => !known.has(value));
        expect(dangling, `${resource.name}.${key.fields} -> ${target!.name}.${key.reference.fields}`).toEqual([]);
        checked += values.length;
      }
    }
    expect(byName.get('commitments')!.schema.foreignKeys).toContainEqual({ fields: 'carried_over_from_id', reference: { resource: '', fields: 'id' } });
    expect(byName.get('evidence-items')!.schema.foreignKeys).toContainEqual({ fields: 'file_sha256', reference: { resource: 'evidence-files', fields: 'sha256' } });
    expect(checked).toBeGreaterThan(100);
  });

  it('serves each JSON Schema at its $id, as the package holds it', async () => {
    for (const table of OPEN_DATA_TABLES) {
      const inPackage = file(`schemas/${table.name}.schema.json`).toString('utf8');
      const res = await t.app.inject(new URL(JSON.parse(inPackage).$id).pathname);
      expect(res.statusCode, table.name).toBe(200);
      expect(res.headers['content-type']).toBe('application/schema+json; charset=utf-8');
      expect(res.body).toBe(inPackage);
    }
    for (const url of ['/open-data/schemas/accounts.schema.json', '/open-data/schemas/members.json', '/open-data/schemas/..%2Fmembers.schema.json']) {
      expect((await t.app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it('leaves out no column of the exported tables except the derived ones it names', async () => {
    for (const table of OPEN_DATA_TABLES) {
      const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table.name} order by ordinal_position`.execute(t.database.db);
      expect(rows.map((r) => r.column_name).filter((c) => !(LEFT_OUT_COLUMNS[table.name] ?? []).includes(c)).sort(), table.name)
        .toEqual(table.columns.map((c) => c.name).sort());
    }
  });

  it('reads tables in key order across batches, composite keys and published subsets included', async () => {
    for (const name of ['commitment_institutions', 'irm_ratings', 'milestone_texts', 'members', 'reporting_round_snapshots', 'round_snapshot_institutions', 'evidence_items']) {
      const table = OPEN_DATA_TABLES.find((candidate) => candidate.name === name)!;
      const collect = async (batchSize: number) => {
        const rows = [];
        for await (const row of tableRows(t.database.db, table, batchSize)) rows.push(row);
        return rows;
      };
      const whole = await collect(5000);
      expect(await collect(2), name).toEqual(whole);
      expect(new Set(whole.map((r) => JSON.stringify(table.key.map((k) => r[table.columns.findIndex((c) => c.name === k)])))).size).toBe(whole.length);
    }
  });
});

describe('GET /{locale}/open-data', () => {
  it('explains the package in every language, linking to it', async () => {
    for (const [locale, heading] of [['en', 'Open data'], ['fr', 'Données ouvertes'], ['es', 'Datos abiertos'], ['sw', 'Data huria']] as const) {
      const res = await t.app.inject(`/${locale}/open-data`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${locale}">`);
      expect(res.body).toContain(`<h1>${heading}</h1>`);
      expect(res.body).toContain('href="/open-data/ahadi-open-data.zip"');
      expect(res.body).toContain('https://creativecommons.org/licenses/by/4.0/');
      const messages = loadMessages(locale);
      for (const table of OPEN_DATA_TABLES) {
        expect(res.body).toContain(`<code>${table.name}.csv</code> <span>${messages[`openData.table.${table.name}`]}</span>`);
      }
    }
  });

  it('gives the meaning of each column of a list download in the language of the page', async () => {
    const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const meanings = async (locale: string) => {
      const body = (await t.app.inject(`/${locale}/open-data`)).body;
      return new Map(EXPORT_COLUMNS.map(({ key }) => {
        const cell = new RegExp(`<td data-label="[^"]*"><code>${key}</code></td><td data-label="[^"]*">([^<]*)</td>`).exec(body);
        expect(cell, `${locale}: ${key}`).not.toBeNull();
        return [key, unescape(cell![1]!)];
      }));
    };
    const english = await meanings('en');
    expect(english.get('ogp_id')).toBe("OGP's commitment id (KE0031)");
    expect(english.get('number_label')).toBe('The number as the plan writes it (1.2, 3a, III.4), when not a whole number; else empty');
    const french = await meanings('fr');
    expect(french.get('ogp_id')).toBe('Identifiant de l’engagement à l’OGP (KE0031)');
    expect(french.get('irm_completion')).toMatch(/^Indicateur de l’IRM « Achèvement » : /);
    expect((await meanings('sw')).get('milestone_count')).toBe('Idadi ya hatua muhimu');
    for (const locale of ['fr', 'es', 'sw']) {
      const translated = await meanings(locale);
      for (const [key, meaning] of english) {
        expect(translated.get(key), `${locale}: ${key}`).not.toBe(meaning);
        expect(translated.get(key), `${locale}: ${key}`).not.toContain('openData.');
      }
    }
  });

  it('answers an unknown language with a 404', async () => {
    expect((await t.app.inject('/xx/open-data')).statusCode).toBe(404);
  });
});

describe('the package kept per public data version (decision 009, amended)', () => {
  const PACKAGE = '/open-data/ahadi-open-data.zip';
  const renameKenya = (name: string) => sql`update members set name = ${name} where slug = 'kenya'`.execute(t.database.db);

  it('is sent again as the same bytes, and as a 304 to a client that has them, until public data changes', async () => {
    const first = await t.app.inject(PACKAGE);
    const again = await t.app.inject(PACKAGE);
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
    const unchanged = await t.app.inject({ url: PACKAGE, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');

    await renameKenya('Kenya (renamed for the package test)');
    try {
      const changed = await t.app.inject({ url: PACKAGE, headers: { 'if-none-match': String(first.headers.etag) } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
      const members = (await unzip(changed.rawPayload)).get('ahadi-open-data/data/members.csv')!.toString('utf8');
      expect(members).toContain('Kenya (renamed for the package test)');
    } finally {
      await renameKenya('Kenya');
    }
  });
});
