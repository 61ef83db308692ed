import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';
import { importOgpDataset } from '../importers/ogp-dataset/import-ogp-dataset.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importOgpDataset(t.database.db, OGP_DATASET_FILE, { dryRun: false });
});
afterAll(async () => { await t.close(); });

const total = async (query: string) => {
  const res = await t.app.inject(`/api/v1/commitments?${query}&limit=1`);
  expect(res.statusCode, query).toBe(200);
  return (res.json() as { total: number }).total;
};

describe('the IRM rating filter', () => {
  it('takes its values as alternatives, as every other filter does, so the count beside a value is what ticking it adds', async () => {
    const complete = await total('irm=completion:complete');
    const limited = await total('irm=completion:limited');
    expect(complete).toBeGreaterThan(0);
    expect(limited).toBeGreaterThan(0);
    // A commitment has one completion: the two sets do not overlap.
    expect(await total('irm=completion:complete&irm=completion:limited')).toBe(complete + limited);

    const page = await t.app.inject('/en/commitments?irm=completion:complete');
    const offered = /value="completion:limited"\/>\s*<label[^>]*>[\s\S]*?class="count">\((\d[\d,.\s]*)\)/.exec(page.body);
    expect(offered, 'the "limited" checkbox and its count').not.toBeNull();
    expect(Number(offered![1]!.replace(/\D/g, ''))).toBe(limited);
  });

  it('holds for values of different indicators too', async () => {
    const complete = await total('irm=completion:complete');
    const major = await total('irm=did_it_open_government:major');
    const both = await total('irm=completion:complete&irm=did_it_open_government:major');
    expect(both).toBeGreaterThanOrEqual(Math.max(complete, major));
    expect(both).toBeLessThanOrEqual(complete + major);
  });
});
