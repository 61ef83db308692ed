import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { CurrentUser } from '../../accounts/current-user.ts';
import { authorize } from '../../http/authorize.ts';
import { choice, parseForm, REQUIRED, type FieldErrors } from '../../http/form.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { recordChange, type CommandResult } from '../../commitments/commands/change-log.ts';
import { recordEvidenceFile, type EvidenceForm } from '../../evidence/evidence-upload.ts';
import type { LinkCheck } from '../../evidence/link-check.ts';
import { overUploadQuota } from '../../evidence/upload-quota.ts';
import { requireRound, requireRoundMilestone, roundClosed } from './round-target.ts';
import { reportChanged, SeenRevision } from './report-revision.ts';

export const REPORT_STATUSES = ['not_started', 'in_progress', 'complete', 'withdrawn'] as const;

const PERCENT_ERRORS: Record<(typeof REPORT_STATUSES)[number], string> = {
  complete: 'reporting.error.percentForComplete', not_started: 'reporting.error.percentForNotStarted',
  in_progress: 'reporting.error.percentForInProgress', withdrawn: 'form.error.invalid',
};

const optionalText = (max: number) => z.string().trim().max(max, 'form.error.tooLong').optional().transform((v) => v || null);
const ticked = z.string().optional().transform((v) => v === 'yes');

/**
 * The report form: status, percent complete, narrative (and its language), and at most one new file and one new
 * link per submission, each of which may be restricted with a reason. `institution` is read for administrators
 * only, who report on an institution's behalf.
 */
export const ReportForm = z.object({
  status: choice(REPORT_STATUSES),
  percent: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).regex(/^[0-9]{1,3}$/, 'reporting.error.percent')
    .transform(Number).refine((n) => n <= 100, 'reporting.error.percent'),
  narrative: z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(10_000, 'form.error.tooLong'),
  lang: choice(LOCALES),
  institution: z.string().optional().transform((v) => v || null),
  fileTitle: optionalText(300),
  fileRestricted: ticked,
  fileRestrictedReason: optionalText(1000),
  linkUrl: z.string().trim().max(2000, 'form.error.tooLong').optional().transform((v) => v || null)
    .refine((v) => v === null || isWebAddress(v), 'reporting.error.url'),
  linkTitle: optionalText(300),
  linkRestricted: ticked,
  linkRestrictedReason: optionalText(1000),
  /** The version the form was opened on, 0 before the first report (report-revision.ts). */
  revision: SeenRevision,
}).superRefine((form, ctx) => {
  const percentFits = form.status === 'complete' ? form.percent === 100
    : form.status === 'not_started' ? form.percent === 0
      : form.status === 'in_progress' ? form.percent < 100 : true;
  if (!percentFits) ctx.addIssue({ code: 'custom', path: ['percent'], message: PERCENT_ERRORS[form.status] });
  if (form.fileRestricted && !form.fileRestrictedReason) ctx.addIssue({ code: 'custom', path: ['fileRestrictedReason'], message: 'reporting.error.restrictedReason' });
  if (form.linkRestricted && !form.linkRestrictedReason) ctx.addIssue({ code: 'custom', path: ['linkRestrictedReason'], message: 'reporting.error.restrictedReason' });
  if (form.linkUrl === null && (form.linkTitle || form.linkRestricted)) ctx.addIssue({ code: 'custom', path: ['linkUrl'], message: REQUIRED });
});

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && value.startsWith(url.protocol);
  } catch {
    return false;
  }
}

/** How links are checked, and the bytes of files an account may upload in 24 hours (`Config.uploadQuotaBytes`). */
export type ReportDeps = { checkLink: (url: string) => Promise<LinkCheck>; uploadQuotaBytes: number };

/**
 * `submit_milestone_report`: a point of contact of an institution that leads or supports the milestone's commitment
 * (or an administrator on an institution's behalf, which the history records) reports on it in an open round. The
 * first submission creates the report; each later one revises it in place and increments `revision`, so a verdict
 * says which version it judged. Evidence is only ever added. A "complete" claim with no evidence at all (what the
 * report already has and what comes now) is refused on the evidence field: the IRM found "no evidence presented for
 * milestones 1, 3 and 7" (KE0031), and that is what this refuses. A form opened on another version than the current
 * one is refused too, writing nothing: two editors must not overwrite each other's revisions unseen. Nobody reports on
 * a withdrawn commitment (round-scope.ts). Files past the actor's upload quota refuse the form (upload-quota.ts).
 */
export async function submitMilestoneReport(db: Db, deps: ReportDeps, actor: CurrentUser | undefined,
  ids: { roundId: string; milestoneId: string }, evidence: EvidenceForm): Promise<CommandResult> {
  const scope = await requireRoundMilestone(db, await requireRound(db, ids.roundId), ids.milestoneId);
  authorize(actor, 'submit_milestone_report', 'reporting', scope);
  const form = parseForm(ReportForm, evidence.values);
  const errors: FieldErrors = { ...evidence.errors, ...(form.ok ? {} : form.errors) };
  const institutionId = actor.role === 'administrator' ? form.values.institution ?? '' : actor.institutionId ?? '';
  if (!scope.institutionIds.includes(institutionId)) errors.institution ??= institutionId ? 'form.error.invalid' : REQUIRED;
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, errors, values: form.values };
  const data = form.data;
  // Fetched before the transaction: a slow site must not hold the round's lock.
  const link = data.linkUrl ? { url: data.linkUrl, check: await deps.checkLink(data.linkUrl) } : null;

  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const round = await requireRound(trx, ids.roundId, 'share');
    const milestone = await requireRoundMilestone(trx, round, ids.milestoneId);
    authorize(actor, 'submit_milestone_report', 'reporting', milestone);
    if (round.closedAt) return roundClosed(form.values);
    if (milestone.withdrawn) return { ok: false, errors: { form: 'reporting.error.commitmentWithdrawn' }, values: form.values };
    const current = await trx.selectFrom('milestone_reports').selectAll()
      .where('reporting_round_id', '=', round.id).where('milestone_id', '=', milestone.id).forUpdate().executeTakeFirst();
    const changed = reportChanged(data.revision, current?.revision ?? 0, form.values);
    if (changed) return changed;
    const evidenceBefore = current
      ? Number((await trx.selectFrom('evidence_items').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('milestone_report_id', '=', current.id).executeTakeFirstOrThrow()).n)
      : 0;
    const added = evidence.files.length + (link ? 1 : 0);
    if (data.status === 'complete' && evidenceBefore + added === 0) {
      return { ok: false, errors: { evidence: 'reporting.error.completeNeedsEvidence' }, values: form.values };
    }
    const overQuota = await overUploadQuota(trx, actor.id, evidence.files, deps.uploadQuotaBytes);
    if (overQuota) return { ok: false, errors: overQuota, values: form.values };
    const now = new Date();
    const fields = {
      institution_id: institutionId, status: data.status, percent_complete: data.percent, narrative: data.narrative,
      narrative_locale: data.lang, submitted_by: actor.id, submitted_at: now,
    };
    const report = current
      ? await trx.updateTable('milestone_reports').set({ ...fields, revision: current.revision + 1 }).where('id', '=', current.id)
        .returning(['id', 'revision']).executeTakeFirstOrThrow()
      : await trx.insertInto('milestone_reports').values({ ...fields, reporting_round_id: round.id, milestone_id: milestone.id, first_submitted_at: now })
        .returning(['id', 'revision']).executeTakeFirstOrThrow();

    const items: { kind: 'file' | 'link'; title: string; restricted: boolean }[] = [];
    for (const file of evidence.files) {
      await recordEvidenceFile(trx, file);
      const title = (evidence.files.length === 1 ? data.fileTitle : null) ?? file.fileName;
      const restrictedReason = data.fileRestricted ? data.fileRestrictedReason : null;
      await trx.insertInto('evidence_items').values({
        milestone_report_id: report.id, kind: 'file', title: title.slice(0, 300), file_sha256: file.sha256, file_name: file.fileName,
        restricted: restrictedReason !== null, restricted_reason: restrictedReason, added_by: actor.id,
      }).execute();
      items.push({ kind: 'file', title, restricted: restrictedReason !== null });
    }
    if (link) {
      const restrictedReason = data.linkRestricted ? data.linkRestrictedReason : null;
      const title = data.linkTitle ?? link.url.slice(0, 300);
      await trx.insertInto('evidence_items').values({
        milestone_report_id: report.id, kind: 'link', title, url: link.url,
        ...(link.check.ok
          ? { link_sha256: link.check.sha256, link_media_type: link.check.mediaType, link_fetched_at: link.check.fetchedAt }
          : { link_error: link.check.error }),
        restricted: restrictedReason !== null, restricted_reason: restrictedReason, added_by: actor.id,
      }).execute();
      items.push({ kind: 'link', title, restricted: restrictedReason !== null });
    }

    // `reportStatus`, not `status`: a commitment's history tab reads `status` as the commitment's own status.
    const version = (r: { status: string; percent_complete: number; narrative: string; narrative_locale: string; institution_id: string }) =>
      ({ reportStatus: r.status, percentComplete: r.percent_complete, narrative: r.narrative, narrativeLocale: r.narrative_locale, institutionId: r.institution_id });
    const changeId = await recordChange(trx, {
      actor, command: 'submit_milestone_report', entityType: 'milestone_report', entityId: report.id,
      commitmentId: milestone.commitmentId, actionPlanId: round.actionPlanId,
      before: current ? { ...version(current), revision: current.revision } : {},
      after: {
        ...version(fields), revision: report.revision, round: round.label, milestone: milestone.number,
        late: (current?.first_submitted_at ?? now) > round.deadline, evidenceAdded: items,
        ...(actor.role === 'administrator' ? { onBehalfOf: institutionId } : {}),
      },
      reason: null,
    });
    return { ok: true, changeIds: [changeId] };
  });
}
