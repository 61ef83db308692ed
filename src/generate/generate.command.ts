import { parseCommandArgs, wholeNumberOption } from '../cli/command-args.ts';
import { UsageError } from '../cli/usage-error.ts';
import type { Db } from '../db/connect.ts';
import { DEFAULT_DATA_SET } from './data-set.ts';
import { MAX_COMMITMENTS_PER_MEMBER } from './members.ts';
import { saveDataSet, type SaveProgress } from './save-data-set.ts';

export type GenerateArgs = { commitments: number; members: number; seed: string; batch: number };

/** `generate [--commitments N] [--members M] [--seed S] [--batch B]`, read before the database is opened. */
export function generateArgs(args: string[]): GenerateArgs {
  const { values, positionals } = parseCommandArgs('generate', args, {
    commitments: { type: 'string' }, members: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`generate: unexpected argument: ${positionals[0]}`);
  const parsed = {
    commitments: wholeNumberOption('commitments', values.commitments, 1, 2_000_000) ?? DEFAULT_DATA_SET.commitments,
    members: wholeNumberOption('members', values.members, 1, 400) ?? DEFAULT_DATA_SET.members,
    seed: values.seed ?? DEFAULT_DATA_SET.seed,
    batch: wholeNumberOption('batch', values.batch, 1, 10_000) ?? 500,
  };
  if (parsed.seed === '' || parsed.seed.length > 100) throw new UsageError('--seed: give 1 to 100 characters');
  if (parsed.commitments > parsed.members * MAX_COMMITMENTS_PER_MEMBER) {
    throw new UsageError(`--commitments: at most ${MAX_COMMITMENTS_PER_MEMBER} commitments a member (OGP ids have four digits): ` +
      `give more --members`);
  }
  return parsed;
}

/**
 * Writes a synthetic data set (src/generate/) into the database, printing progress and the rate. Records with the
 * same OGP ids are updated, so run it on an empty database (a new AHADI_DATA_DIR, or a new database in DATABASE_URL)
 * to get exactly the generated set.
 */
export async function generateCommand(db: Db, { commitments, members, seed, batch }: GenerateArgs): Promise<number> {
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
