import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

/** A page number past the last page (the demo's 4 commitments fill one page) says so and links to the last page. */
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const html = async (url: string) => {
  const res = await t.app.inject(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe('GET /{locale}/commitments?page= past the end', () => {
  it('says the page is past the end, links to the last page, and does not say nothing matches', async () => {
    const body = await html('/en/commitments?page=999');
    expect(body).toContain('4 commitments');
    expect(body).toContain('<span>Page 999 is past the end of this list, which has 1 page.</span> <a href="/en/commitments">Go to the last page (page 1)</a>');
    expect(body).not.toContain('No commitment matches');
    expect(body).not.toContain('class="pagination"');
  });

  it('keeps the filters in the link, and says it in the page language', async () => {
    const body = await html('/fr/commitments?member=kenya&page=3');
    expect(body).toContain('La page 3 est au-delà de la fin de cette liste, qui compte 1 page.');
    expect(body).toContain('<a href="/fr/commitments?member=kenya">Aller à la dernière page (page 1)</a>');
  });

  it('still says nothing matches when no commitment does, on any page', async () => {
    for (const url of ['/en/commitments?kind=local', '/en/commitments?kind=local&page=5']) {
      const body = await html(url);
      expect(body).toContain('No commitment matches these filters');
      expect(body).not.toContain('past the end');
    }
  });
});
