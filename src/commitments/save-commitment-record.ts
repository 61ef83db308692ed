import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { slugify } from '../text/slugify.ts';
import { CommitmentRecordSchema, type CommitmentRecord, type CommitmentRecordInput } from './commitment-record.ts';

type Trx = Transaction<Database>;

export type SaveResult = { commitmentId: string; created: boolean; warnings: string[] };

/**
 * Stores a commitment record, creating or updating by OGP id (member by prefix, plan by number, institutions by
 * name), so that importing the same source twice updates and never duplicates. Runs inside the caller's
 * transaction: a failure anywhere leaves nothing written.
 */
export async function saveCommitmentRecord(trx: Trx, input: CommitmentRecordInput): Promise<SaveResult> {
  const record = CommitmentRecordSchema.parse(input);
  const warnings: string[] = [];
  const memberId = await upsertMember(trx, record.member);
  const actionPlanId = await upsertActionPlan(trx, memberId, record.actionPlan);
  const carriedOverFromId = record.carriedOverFrom ? await commitmentIdOf(trx, record.carriedOverFrom) : null;
  if (record.carriedOverFrom && !carriedOverFromId) {
    warnings.push(`${record.ogpId}: carried over from ${record.carriedOverFrom}, which is not in the database yet`);
  }
  const existing = await commitmentIdOf(trx, record.ogpId);
  const values = {
    action_plan_id: actionPlanId,
    number_in_plan: record.numberInPlan ?? null,
    status: record.status ?? null,
    source_locale: record.sourceLocale,
    carried_over_from_id: carriedOverFromId,
  };
  const commitmentId = existing
    ? (await trx.updateTable('commitments').set({ ...values, updated_at: sql<Date>`now()` })
        .where('id', '=', existing).returning('id').executeTakeFirstOrThrow()).id
    : (await trx.insertInto('commitments').values({ ...values, ogp_id: record.ogpId })
        .returning('id').executeTakeFirstOrThrow()).id;

  await saveTexts(trx, commitmentId, record.texts);
  await saveInstitutions(trx, commitmentId, memberId, record);
  await savePolicyAreas(trx, commitmentId, record.policyAreas);
  await saveMilestones(trx, commitmentId, record.milestones);
  await saveIrmReviews(trx, commitmentId, record.sourceLocale, record.irmReviews);
  return { commitmentId, created: !existing, warnings };
}

async function commitmentIdOf(trx: Trx, ogpId: string): Promise<string | null> {
  const row = await trx.selectFrom('commitments').select('id').where('ogp_id', '=', ogpId).executeTakeFirst();
  return row?.id ?? null;
}

async function upsertMember(trx: Trx, member: CommitmentRecord['member']): Promise<string> {
  const values = {
    slug: member.slug, name: member.name, kind: member.kind, ogp_prefix: member.ogpPrefix,
    iso_alpha2: member.isoAlpha2 ?? null, code: member.code ?? null, region: member.region ?? null,
  };
  const row = await trx.insertInto('members').values(values)
    .onConflict((oc) => oc.column('ogp_prefix').doUpdateSet({
      name: values.name, kind: values.kind, slug: values.slug, updated_at: sql<Date>`now()`,
      // A page names fewer codes than the dataset: never erase a code that another source gave.
      iso_alpha2: sql`coalesce(excluded.iso_alpha2, members.iso_alpha2)`,
      code: sql`coalesce(excluded.code, members.code)`,
      region: sql`coalesce(excluded.region, members.region)`,
    }))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function upsertActionPlan(trx: Trx, memberId: string, plan: CommitmentRecord['actionPlan']): Promise<string> {
  const values = { submission_year: plan.submissionYear, start_year: plan.startYear, end_year: plan.endYear };
  const row = await trx.insertInto('action_plans').values({ ...values, member_id: memberId, number: plan.number })
    .onConflict((oc) => oc.columns(['member_id', 'number']).doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function saveTexts(trx: Trx, commitmentId: string, texts: CommitmentRecord['texts']): Promise<void> {
  for (const [locale, t] of Object.entries(texts)) {
    const values = {
      title: t.title, description: t.description ?? null, objectives: t.objectives ?? null,
      status_quo: t.statusQuo ?? null, ambition: t.ambition ?? null,
    };
    await trx.insertInto('commitment_texts').values({ ...values, commitment_id: commitmentId, locale })
      .onConflict((oc) => oc.columns(['commitment_id', 'locale']).doUpdateSet(values)).execute();
  }
}

async function saveInstitutions(trx: Trx, commitmentId: string, memberId: string, record: CommitmentRecord) {
  await trx.deleteFrom('commitment_institutions').where('commitment_id', '=', commitmentId).execute();
  const links = [
    ...record.leadInstitutions.map((i) => ({ ...i, role: 'lead' as const, actorGroup: null })),
    ...record.supportingInstitutions.map((i) => ({ ...i, role: 'supporting' as const })),
  ];
  for (const [position, link] of links.entries()) {
    const institutionId = await upsertInstitution(trx, memberId, link.name, link.kind);
    await trx.insertInto('commitment_institutions').values({
      commitment_id: commitmentId, institution_id: institutionId, role: link.role,
      actor_group: link.actorGroup, position,
    }).onConflict((oc) => oc.doNothing()).execute();
  }
}

async function upsertInstitution(trx: Trx, memberId: string, name: string, kind: string): Promise<string> {
  const slug = slugify(name);
  const found = await trx.selectFrom('institutions').select('id')
    .where('member_id', '=', memberId).where('slug', '=', slug).executeTakeFirst();
  if (found) return found.id;
  const row = await trx.insertInto('institutions').values({ member_id: memberId, slug, name, kind })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function savePolicyAreas(trx: Trx, commitmentId: string, keys: string[]): Promise<void> {
  await trx.deleteFrom('commitment_policy_areas').where('commitment_id', '=', commitmentId).execute();
  if (keys.length === 0) return;
  const known = await trx.selectFrom('policy_areas').select('key').where('key', 'in', keys).execute();
  const unknown = keys.filter((k) => !known.some((row) => row.key === k));
  if (unknown.length > 0) throw new Error(`policyAreas: unknown policy area ${unknown.join(', ')}`);
  await trx.insertInto('commitment_policy_areas')
    .values([...new Set(keys)].map((key) => ({ commitment_id: commitmentId, policy_area_key: key }))).execute();
}

async function saveMilestones(trx: Trx, commitmentId: string, milestones: CommitmentRecord['milestones']) {
  const numbers = milestones.map((m) => m.number);
  const stale = trx.selectFrom('milestones').select('id').where('commitment_id', '=', commitmentId)
    .$if(numbers.length > 0, (q) => q.where('number', 'not in', numbers));
  await trx.deleteFrom('milestone_texts').where('milestone_id', 'in', stale).execute();
  await trx.deleteFrom('milestones').where('id', 'in', stale).execute();
  for (const m of milestones) {
    const values = {
      declared_status: m.declaredStatus ?? null,
      start_date: m.start?.date ?? null, start_precision: m.start?.precision ?? null, start_raw: m.start?.raw ?? null,
      end_date: m.end?.date ?? null, end_precision: m.end?.precision ?? null, end_raw: m.end?.raw ?? null,
    };
    const { id } = await trx.insertInto('milestones').values({ ...values, commitment_id: commitmentId, number: m.number })
      .onConflict((oc) => oc.columns(['commitment_id', 'number']).doUpdateSet(values))
      .returning('id').executeTakeFirstOrThrow();
    for (const [locale, text] of Object.entries(m.texts)) {
      await trx.insertInto('milestone_texts').values({ milestone_id: id, locale, text })
        .onConflict((oc) => oc.columns(['milestone_id', 'locale']).doUpdateSet({ text })).execute();
    }
  }
}

async function saveIrmReviews(trx: Trx, commitmentId: string, sourceLocale: string, reviews: CommitmentRecord['irmReviews']) {
  for (const review of reviews) {
    const values = {
      method: review.method, published_on: review.publishedOn ?? null,
      irm_number: review.irmNumber ?? null, source_locale: sourceLocale,
    };
    const { id } = await trx.insertInto('irm_reviews').values({ ...values, commitment_id: commitmentId, report: review.report })
      .onConflict((oc) => oc.columns(['commitment_id', 'report']).doUpdateSet(values))
      .returning('id').executeTakeFirstOrThrow();
    for (const [locale, t] of Object.entries(review.texts)) {
      const texts = { irm_title: t.irmTitle ?? null, narrative: t.narrative ?? null };
      await trx.insertInto('irm_review_texts').values({ ...texts, irm_review_id: id, locale })
        .onConflict((oc) => oc.columns(['irm_review_id', 'locale']).doUpdateSet(texts)).execute();
    }
    await trx.deleteFrom('irm_ratings').where('irm_review_id', '=', id).execute();
    if (review.ratings.length > 0) {
      await trx.insertInto('irm_ratings').values(review.ratings.map((r) => ({
        irm_review_id: id, indicator: r.indicator, state: r.state, value: r.value ?? null,
      }))).execute();
    }
  }
}
