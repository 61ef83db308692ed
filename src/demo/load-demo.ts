import type { Db } from '../db/connect.ts';
import { saveCommitmentRecord } from '../commitments/save-commitment-record.ts';
import { demoCommitments } from './demo-data.ts';

/** Loads (or refreshes) the demo data set in one transaction. */
export async function loadDemo(db: Db): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const record of demoCommitments) await saveCommitmentRecord(trx, record);
  });
  return demoCommitments.length;
}

/** True when nothing has been published yet: the first start of a new installation. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
