import { z } from 'zod';
import { UsageError } from '../cli/usage-error.ts';
import type { Db } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { DEFAULT_DATA_SET } from './data-set.ts';
import { MAX_COMMITMENTS_PER_MEMBER } from './members.ts';
import { saveDataSet, type SaveProgress } from './save-data-set.ts';

const ArgsSchema = z.object({
  commitments: z.coerce.number().int().min(1).max(2_000_000).default(DEFAULT_DATA_SET.commitments),
  members: z.coerce.number().int().min(1).max(400).default(DEFAULT_DATA_SET.members),
  seed: z.string().min(1).max(100).default(DEFAULT_DATA_SET.seed),
  batch: z.coerce.number().int().min(1).max(10_000).default(500),
}).refine((a) => a.commitments <= a.members * MAX_COMMITMENTS_PER_MEMBER, {
  message: `at most ${MAX_COMMITMENTS_PER_MEMBER} commitments a member (OGP ids have four digits)`, path: ['commitments'],
});

export type GenerateFlags = { commitments?: string; members?: string; seed?: string; batch?: string };

/**
 * `generate [--commitments N] [--members M] [--seed S] [--batch B]`: writes a synthetic data set (src/generate/) into
 * the database, printing progress and the rate. Records with the same OGP ids are updated, so run it on an empty
 * database (a new AHADI_DATA_DIR, or a new database in DATABASE_URL) to get exactly the generated set.
 */
export async function generateCommand(db: Db, flags: GenerateFlags): Promise<number> {
  const parsed = ArgsSchema.safeParse(flags);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  const { commitments, members, seed, batch } = parsed.data;
  await migrate(db);
  const existing = await db.selectFrom('commitments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) console.error(`note: the database already holds ${existing.n} commitments; generated ones with the same ids are updated`);
  console.error(`Generating ${commitments} commitments over ${members} members (seed "${seed}")`);
  let lastPrint = 0;
  const summary = await saveDataSet(db, { commitments, members, seed }, {
    batchSize: batch,
    onProgress: (p) => {
      if (p.seconds - lastPrint < 2 && p.commitments < p.total) return;
      lastPrint = p.seconds;
      console.error(`  ${progressLine(p)}`);
    },
  });
  console.log(`Generated ${summary.commitments} commitments (${summary.rows} rows) for ${summary.members} members and ` +
    `${summary.plans} action plans in ${summary.seconds.toFixed(1)} s: ${Math.round(summary.commitments / summary.seconds)} commitments/s, ` +
    `${Math.round(summary.rows / summary.seconds)} rows/s`);
  return 0;
}

export function progressLine(p: SaveProgress): string {
  const percent = Math.floor((p.commitments / p.total) * 100);
  return `${p.commitments}/${p.total} commitments (${percent}%), ${Math.round(p.commitments / p.seconds)} commitments/s, ` +
    `${Math.round(p.rows / p.seconds)} rows/s`;
}
