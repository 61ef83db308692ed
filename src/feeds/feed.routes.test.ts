import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { HOSTILE_TITLE, saveHostileCommitment } from '../../test/helpers/hostile-commitment.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await saveHostileCommitment(t.database.db);
  // KE0025 changed most recently, UG0001 just before: the feeds list them first, in that order.
  await sql`update commitments set updated_at = now() + interval '1 hour' where ogp_id = 'KE0025'`.execute(t.database.db);
  await sql`update commitments set updated_at = now() + interval '1 minute' where ogp_id = 'UG0001'`.execute(t.database.db);
});
afterAll(async () => { await t.close(); });

const BASE = 'http://127.0.0.1:3000'; // AHADI_BASE_URL's default, which the test app runs with

type Link = { '@_rel': string; '@_href': string; '@_type'?: string };
type Entry = { id: string; title: { '#text': string; '@_xml:lang': string }; updated: string; published: string; link: Link[];
  summary: { '#text': string }; category?: { '@_term': string; '@_label': string }[] };
type Feed = { id: string; title: { '#text': string }; updated: string; link: Link[]; author: { name: string }; entry?: Entry[];
  '@_xmlns': string; '@_xml:lang': string };

/** Fetches a feed, checks it is well-formed Atom 1.0 with what RFC 4287 requires, and returns it parsed. */
async function atom(url: string): Promise<Feed> {
  const res = await t.app.inject(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(XMLValidator.validate(res.body), url).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, htmlEntities: true,
    isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(res.body) as { feed: Feed };
  const feed = parsed.feed;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toMatch(/^http:\/\//);
  expect(feed.title['#text']).toBeTruthy();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.author.name).toBe('Ahadi');
  expect(feed.link.find((l) => l['@_rel'] === 'self')?.['@_type']).toBe('application/atom+xml');
  for (const entry of feed.entry ?? []) {
    expect(entry.id).toMatch(/^http:\/\/127\.0\.0\.1:3000\/[a-z]{2}\/commitments\/[A-Z]{2,4}\d{4}$/);
    expect(entry.title['#text']).toBeTruthy();
    expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(entry.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(entry.id);
  }
  return feed;
}
const ids = (feed: Feed) => (feed.entry ?? []).map((e) => e.id.split('/').at(-1));

describe('GET /{locale}/feeds/commitments.atom', () => {
  it('lists new and changed commitments, most recently changed first, with absolute links', async () => {
    const feed = await atom('/fr/feeds/commitments.atom');
    expect(feed['@_xml:lang']).toBe('fr');
    expect(feed.id).toBe(`${BASE}/fr/feeds/commitments.atom`);
    expect(feed.title['#text']).toBe('Ahadi : engagements nouveaux et modifiés');
    // The list, not its "newest plans" sort: the feed is ordered by latest change, which the list has no sort for.
    expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(`${BASE}/fr/commitments`);
    expect(ids(feed).slice(0, 2)).toEqual(['KE0025', 'UG0001']);
    expect(ids(feed)).toHaveLength(5);
    expect(feed.updated).toBe(feed.entry![0]!.updated);
    const ke0031 = feed.entry!.find((e) => e.id.endsWith('KE0031'))!;
    expect(ke0031.title).toEqual({ '#text': 'Renforcer l\'appui institutionnel au PGO (KE0031)', '@_xml:lang': 'fr', '@_type': 'text' });
    expect(ke0031.summary['#text']).toContain('Sous la responsabilité de Office of the Deputy President');
    expect(ke0031.category?.map((c) => c['@_term'])).toEqual(['capacity-building', 'public-participation']);
  });

  it('escapes hostile titles and names: the feed stays well-formed and says exactly what the record says', async () => {
    const raw = (await t.app.inject('/en/feeds/commitments.atom?member=uganda')).body;
    expect(raw).not.toContain('<script>');
    expect(raw).not.toContain('<b>');
    const feed = await atom('/en/feeds/commitments.atom?member=uganda');
    expect(ids(feed)).toEqual(['UG0001']);
    const entry = feed.entry![0]!;
    expect(entry.title['#text']).toBe(`${HOSTILE_TITLE} (UG0001)`);
    expect(entry.summary['#text']).toContain('Ministry of Finance; Planning, "Budget" & <Economy>');
  });

  it('takes the filters of the list page, and names a bad one with a 400', async () => {
    const feed = await atom('/en/feeds/commitments.atom?area=open-contracting&sort=id');
    expect(ids(feed)).toEqual(['UG0001', 'KE0024']);
    expect(feed.id).toBe(`${BASE}/en/feeds/commitments.atom?area=open-contracting`);
    expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(`${BASE}/en/commitments?area=open-contracting`);
    expect(feed.title['#text']).toBe('Ahadi: new and changed commitments matching your filters');
    const bad = await t.app.inject('/en/feeds/commitments.atom?irm=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<code>irm');
    expect((await t.app.inject('/xx/feeds/commitments.atom')).statusCode).toBe(404);
  });
});

describe('GET /{locale}/members/{slug}/feed.atom', () => {
  it("lists the member's commitments", async () => {
    const feed = await atom('/sw/members/kenya/feed.atom');
    expect(ids(feed)[0]).toBe('KE0025');
    expect(new Set(ids(feed))).toEqual(new Set(['KE0024', 'KE0025', 'KE0027', 'KE0031']));
    expect(feed.id).toBe(`${BASE}/sw/members/kenya/feed.atom`);
    expect(feed.title['#text']).toBe('Kenya: ahadi mpya na zilizobadilishwa');
  });

  it('answers an unknown member with a 404', async () => {
    expect((await t.app.inject('/sw/members/atlantis/feed.atom')).statusCode).toBe(404);
  });
});

describe('GET /{locale}/policy-areas/{key}/feed.atom', () => {
  it("lists the policy area's commitments, titled with its label", async () => {
    const feed = await atom('/es/policy-areas/open-contracting/feed.atom');
    expect(ids(feed)).toEqual(['UG0001', 'KE0024']);
    expect(feed.link.find((l) => l['@_rel'] === 'alternate')?.['@_href']).toBe(`${BASE}/es/commitments?area=open-contracting`);
    expect(feed.title['#text']).toMatch(/^.+: compromisos nuevos y modificados$/);
  });

  it('answers an unknown or malformed key with a 404', async () => {
    expect((await t.app.inject('/es/policy-areas/astrology/feed.atom')).statusCode).toBe(404);
    expect((await t.app.inject('/es/policy-areas/Open%20Data/feed.atom')).statusCode).toBe(404);
  });

  it('is an empty but valid feed for an area without commitments', async () => {
    const feed = await atom('/en/policy-areas/elections/feed.atom');
    expect(feed.entry).toBeUndefined();
  });
});

describe('feeds announced in page heads', () => {
  it('on the list page (with its filters) and on the member page', async () => {
    const list = (await t.app.inject('/en/commitments?member=kenya&sort=id')).body;
    expect(list).toContain('<link rel="alternate" type="application/atom+xml" title="New and changed commitments (Atom feed)" href="/en/feeds/commitments.atom?member=kenya"/>');
    const member = (await t.app.inject('/fr/members/kenya')).body;
    expect(member).toContain('type="application/atom+xml"');
    expect(member).toContain('href="/fr/members/kenya/feed.atom"');
  });
});

describe('feeds for polling readers', () => {
  const retitle = (suffix: string) => sql`update commitment_texts set title = ${`Build institutional support for OGP${suffix}`}
    where locale = 'en' and commitment_id = (select id from commitments where ogp_id = 'KE0031')`.execute(t.database.db);

  it.each(['/en/members/kenya/feed.atom', '/en/feeds/commitments.atom?member=kenya', '/en/policy-areas/capacity-building/feed.atom'])(
    '%s has an ETag, answers 304 to a reader that has it, and is new after a write to public data', async (url) => {
      const first = await t.app.inject(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      const unchanged = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
      expect(unchanged.statusCode).toBe(304);
      expect(unchanged.body).toBe('');
      expect((await t.app.inject(url)).body).toBe(first.body);

      await retitle(' (feed test)');
      try {
        const changed = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
        expect(changed.statusCode).toBe(200);
        expect(changed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
        expect(changed.body).toContain('Build institutional support for OGP (feed test)');
      } finally {
        await retitle('');
      }
    });
});
