import { randomBytes, createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { readConfig, type Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/connect.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { readEvidenceForm, recordEvidenceFile } from '../../src/evidence/evidence-upload.ts';
import { storedPath } from '../../src/evidence/evidence-store.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import type { WebClient } from './web-client.ts';
import yazl from 'yazl';

/**
 * The portal with an evidence folder of its own (and any other setting), plus `POST /test/evidence-form`: a route
 * that reads an evidence form exactly as the reporting pages do, records the stored files, and answers what it read
 * as JSON. Evidence rows are written by SQL on the demo plan (Kenya, plan 4, KE0031 led by the Office of the Deputy
 * President).
 */
export type EvidenceApp = { app: FastifyInstance; database: TestDatabase; config: Config; close(): Promise<void> };
export const UPLOAD_ROUTE = '/test/evidence-form';

export async function createEvidenceApp(settings: Partial<Config> = {}): Promise<EvidenceApp> {
  const database = await createTestDatabase();
  await loadDemo(database.db);
  const evidenceDir = await mkdtemp(path.join(tmpdir(), 'ahadi-evidence-'));
  const config = { ...readConfig({}), evidenceDir, ...settings };
  const app = await buildServer({ db: database.db, config });
  app.post(UPLOAD_ROUTE, async (request) => {
    const form = await readEvidenceForm(request, config);
    for (const upload of form.files) await recordEvidenceFile(database.db, upload);
    return form;
  });
  return {
    app, database, config,
    async close() {
      await app.close();
      await database.drop();
      await rm(evidenceDir, { recursive: true, force: true });
    },
  };
}

export type Part = { name: string; value: string } | { name: string; fileName: string; content: Buffer | string; type?: string };

/** A multipart/form-data body as a browser builds it; file names go out as raw UTF-8, as browsers send them. */
export function multipartBody(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----ahadi${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = 'value' in part
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName.replace(/"/g, '%22')}"\r\n`
        + `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.from('value' in part ? part.value : part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The Cookie header `client`'s browser sends. */
export const cookieHeader = (client: WebClient): string => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** Posts a multipart form as `client`'s browser would, the token (if any) in the query string. */
export async function postMultipart(client: WebClient, url: string, parts: Part[], token?: string): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipartBody(parts);
  const cookie = cookieHeader(client);
  return client.app.inject({
    method: 'POST', url: token === undefined ? url : `${url}?_csrf=${encodeURIComponent(token)}`, payload, remoteAddress: client.ip,
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
  });
}

/** A file put in the store and recorded, as an accepted upload leaves it. */
export async function storeEvidenceFile(db: Db, evidenceDir: string, content: Buffer | string, mediaType: string): Promise<string> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  await mkdir(path.dirname(storedPath(evidenceDir, sha256)), { recursive: true });
  await writeFile(storedPath(evidenceDir, sha256), content);
  await recordEvidenceFile(db, { field: 'evidence', fileName: 'x', sha256, sizeBytes: Buffer.byteLength(content), mediaType });
  return sha256;
}

export type ItemSpec =
  | { kind: 'file'; sha256: string; fileName: string; restrictedReason?: string }
  | { kind: 'link'; url: string; restrictedReason?: string };

/**
 * A round on the demo plan with one report on KE0031's milestone 1 carrying `items`; closed (published) unless
 * `open`. Only one round of a plan may be open at a time. Returns the items' ids in order.
 */
export async function insertRoundWithEvidence(db: Db, options: { open?: boolean; items: ItemSpec[] }): Promise<string[]> {
  const plan = await db.selectFrom('action_plans as p').innerJoin('members as m', 'm.id', 'p.member_id')
    .select('p.id').where('m.slug', '=', 'kenya').where('p.number', '=', 4).executeTakeFirstOrThrow();
  const milestone = await db.selectFrom('milestones as ms').innerJoin('commitments as c', 'c.id', 'ms.commitment_id')
    .select('ms.id').where('c.ogp_id', '=', 'KE0031').where('ms.number', '=', 1).executeTakeFirstOrThrow();
  const institution = await db.selectFrom('institutions').select('id').where('slug', '=', 'office-of-the-deputy-president').executeTakeFirstOrThrow();
  const round = await db.insertInto('reporting_rounds')
    .values({ action_plan_id: plan.id, label: `Round ${randomBytes(4).toString('hex')}`, deadline: new Date('2030-01-01T00:00:00Z') })
    .returning('id').executeTakeFirstOrThrow();
  const report = await db.insertInto('milestone_reports')
    .values({ reporting_round_id: round.id, milestone_id: milestone.id, institution_id: institution.id, status: 'in_progress',
      percent_complete: 50, narrative: 'Work under way.', narrative_locale: 'en', submitted_at: new Date() })
    .returning('id').executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const item of options.items) {
    const restricted = { restricted: item.restrictedReason !== undefined, restricted_reason: item.restrictedReason ?? null };
    const row = await db.insertInto('evidence_items').values(item.kind === 'file'
      ? { milestone_report_id: report.id, kind: 'file', title: item.fileName, file_sha256: item.sha256, file_name: item.fileName, ...restricted }
      : { milestone_report_id: report.id, kind: 'link', title: item.url, url: item.url, ...restricted })
      .returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  if (!options.open) await db.updateTable('reporting_rounds').set({ closed_at: new Date() }).where('id', '=', round.id).execute();
  return ids;
}

/** A ZIP archive of the given entries (`store` keeps an entry uncompressed, as ODF requires of `mimetype`). */
export function zipOf(entries: { name: string; content: string; store?: boolean }[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(Buffer.from(entry.content), entry.name, { compress: !entry.store });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

const OOXML_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** Small files of each kind the tests send: accepted ones, and the disguises that must be refused. */
export const samples = {
  pdf: () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]),
  html: () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  csv: () => Buffer.from('milestone,status\n1,complete\n2,"in progress"\n'),
  text: () => Buffer.from('Minutes of the steering committee — 12 May 2021\nAttendance: 14 members.\n'),
  docx: () => zipOf([{ name: '[Content_Types].xml', content: OOXML_TYPES }, { name: 'word/document.xml', content: '<w:document/>' }]),
  odt: () => zipOf([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', store: true }, { name: 'content.xml', content: '<office:document-content/>' }]),
  zip: () => zipOf([{ name: 'readme.txt', content: 'not an office document' }, { name: 'setup.exe', content: 'MZ' }]),
};
