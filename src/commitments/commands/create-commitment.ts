import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { choice, parseForm, REQUIRED, type FieldErrors, type FormValues } from '../../http/form.ts';
import { PUBLICATION_LANGUAGES } from '../../i18n/publication-languages.ts';
import { actorGroupOfKind } from '../../institutions/actor-group.ts';
import { formList, LIST_SEPARATOR } from '../../layout/checkbox-group.tsx';
import { MONTH_FIELD, monthDate, refineMonths } from '../../milestones/commands/month-field.ts';
import { TEXT_LIMITS } from '../text-limits.ts';
import { recordChange, type CommandResult } from './change-log.ts';
import { writeCommitmentTexts, type CommitmentTexts } from './commitment-version.ts';

const optionalText = (max: number) => z.string().trim().max(max, 'form.error.tooLong').optional().transform((v) => v || null);
const ID = /^[0-9]{1,18}$/;

/**
 * The new-commitment form: its OGP id and number in the plan, its texts in the language it is written in (the source
 * locale: any language OGP members publish in, `PUBLICATION_LANGUAGES`), its lead and supporting institutions (ids
 * of the member's institutions), its policy areas (keys of the taxonomy) and its start and end months. Supporting
 * institutions and policy areas are checkboxes, read apart.
 */
export const CreateCommitmentForm = z.object({
  lang: choice(PUBLICATION_LANGUAGES),
  ogpId: z.string({ error: REQUIRED }).trim().toUpperCase().min(1, REQUIRED).regex(/^[A-Z]{2,4}[0-9]{4}$/, 'commitment.error.ogpId'),
  numberInPlan: z.string().trim().optional().transform((v) => v || '')
    .refine((v) => v === '' || (/^[0-9]{1,4}$/.test(v) && Number(v) > 0), 'form.error.wholeNumber')
    .transform((v) => (v === '' ? null : Number(v))),
  title: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(TEXT_LIMITS.title, 'form.error.tooLong'),
  description: optionalText(TEXT_LIMITS.section),
  objectives: optionalText(TEXT_LIMITS.section),
  leadInstitution: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).regex(ID, 'form.error.invalid'),
  start: MONTH_FIELD,
  end: MONTH_FIELD,
}).superRefine(refineMonths);

/** The plan a commitment is created in, with its member's OGP prefix. */
export type PlanTarget = { id: string; memberId: string; ogpPrefix: string };

/**
 * `create_commitment`: adds a commitment to an action plan in one transaction — the commitment, its texts, its
 * institutions and policy areas — and records it (`after` holds what was created, names rather than ids). The
 * triggers of migration 004 fill its search vector and facets row as for any other writer. A point of contact may
 * only create a commitment their institution leads (the policy checks the chosen lead institution).
 */
export async function createCommitment(db: Db, actor: CurrentUser | undefined, plan: PlanTarget, body: unknown): Promise<CommandResult & { ogpId?: string }> {
  const supporting = formList(body, 'supportingInstitutions');
  const policyAreas = formList(body, 'policyAreas');
  const form = parseForm(CreateCommitmentForm, body);
  const values: FormValues = { ...form.values, supportingInstitutions: supporting.join(LIST_SEPARATOR), policyAreas: policyAreas.join(LIST_SEPARATOR) };
  const lead = form.ok ? form.data.leadInstitution : values.leadInstitution ?? '';
  // Without a lead institution chosen, the form names the missing field; a point of contact is judged as leading it.
  const leadScope = ID.test(lead) ? [lead] : actor?.institutionId ? [actor.institutionId] : [];
  authorize(actor, 'create_commitment', 'commitment', { institutionIds: leadScope });
  if (!form.ok) return { ...form, values };
  const data = form.data;

  return db.transaction().execute(async (trx): Promise<CommandResult & { ogpId?: string }> => {
    const errors: FieldErrors = {};
    if (data.ogpId.slice(0, -4) !== plan.ogpPrefix) errors.ogpId = 'commitment.error.ogpIdPrefix';
    const institutions = await trx.selectFrom('institutions').select(['id', 'name', 'kind'])
      .where('member_id', '=', plan.memberId).where('id', 'in', [lead, ...supporting.filter((id) => ID.test(id))])
      // A former name, or an institution merged into another, leads nothing any more: it is not one to choose.
      .where('merged_into_id', 'is', null).execute();
    const byId = new Map(institutions.map((i) => [i.id, i]));
    if (!byId.has(lead)) errors.leadInstitution = 'form.error.invalid';
    if (supporting.some((id) => !byId.has(id))) errors.supportingInstitutions = 'form.error.invalid';
    const areas = policyAreas.length === 0 ? [] : await trx.selectFrom('policy_areas').select('key').where('key', 'in', policyAreas).execute();
    if (areas.length !== policyAreas.length) errors.policyAreas = 'form.error.invalid';
    if (data.numberInPlan !== null && await trx.selectFrom('commitments').select('id')
      .where('action_plan_id', '=', plan.id).where('number_in_plan', '=', data.numberInPlan).executeTakeFirst()) {
      errors.numberInPlan = 'commitment.error.numberTaken';
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors, values };

    const start = monthDate(data.start);
    const end = monthDate(data.end);
    const row = await trx.insertInto('commitments').values({
      ogp_id: data.ogpId, action_plan_id: plan.id, number_in_plan: data.numberInPlan, status: 'active', source_locale: data.lang,
      start_date: start?.date ?? null, start_precision: start?.precision ?? null, end_date: end?.date ?? null, end_precision: end?.precision ?? null,
    }).onConflict((oc) => oc.column('ogp_id').doNothing()).returning('id').executeTakeFirst();
    if (!row) return { ok: false, errors: { ogpId: 'commitment.error.ogpIdTaken' }, values };

    const texts: CommitmentTexts = { title: data.title, description: data.description, objectives: data.objectives, statusQuo: null, ambition: null };
    await writeCommitmentTexts(trx, row.id, data.lang, texts);
    const supportingRows = supporting.map((id, position) => ({
      commitment_id: row.id, institution_id: id, role: 'supporting' as const, position,
      actor_group: actorGroupOfKind(byId.get(id)!.kind),
    }));
    await trx.insertInto('commitment_institutions')
      .values([{ commitment_id: row.id, institution_id: lead, role: 'lead', actor_group: null, position: 0 }, ...supportingRows]).execute();
    if (policyAreas.length > 0) {
      await trx.insertInto('commitment_policy_areas').values(policyAreas.map((key) => ({ commitment_id: row.id, policy_area_key: key }))).execute();
    }
    const changeId = await recordChange(trx, {
      actor, command: 'create_commitment', entityType: 'commitment', entityId: row.id, commitmentId: row.id, actionPlanId: plan.id,
      before: {}, reason: null,
      after: {
        ogpId: data.ogpId, numberInPlan: data.numberInPlan, texts: { [data.lang]: texts },
        leadInstitution: byId.get(lead)!.name, supportingInstitutions: supporting.map((id) => byId.get(id)!.name),
        policyAreas, start, end,
      },
    });
    return { ok: true, changeIds: [changeId], ogpId: data.ogpId };
  });
}

