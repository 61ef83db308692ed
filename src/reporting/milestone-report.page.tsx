import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import type { FormState } from '../http/form.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, errorMessage, fieldId, formTitle, Notice, PostForm, SelectField, TextArea, TextField } from '../layout/form.tsx';
import type { RoundTarget } from './commands/round-target.ts';
import { REPORT_STATUSES } from './commands/submit-milestone-report.ts';
import { formatFileSize } from '../evidence/file-size.ts';
import type { ReportDetail } from './milestone-report.queries.ts';
import type { RoundMilestone } from './reporting.queries.ts';
import { formatInstant } from '../layout/format.ts';
import { formatDeadline } from './reporting-format.ts';
import { reportUrl, restrictEvidenceUrl, roundWorkspaceUrl } from './reporting-urls.ts';
import { Checkbox, MilestoneName, ReportSummary, responsibleLine, statusLabel, VerdictBadge } from './reporting-view.tsx';

export type MilestoneFrame = { round: RoundTarget; plan: string; milestone: RoundMilestone };

export const reportLabels = (t: Intl['t']) => ({
  institution: t('reporting.field.institution'), status: t('reporting.field.status'), percent: t('reporting.field.percent'),
  narrative: t('reporting.field.narrative'), lang: t('reporting.field.lang'), evidence: t('reporting.evidence.heading'),
  file: t('reporting.field.file'), fileTitle: t('reporting.field.fileTitle'), fileRestricted: t('reporting.field.fileRestricted'),
  fileRestrictedReason: t('reporting.field.fileRestrictedReason'), linkUrl: t('reporting.field.linkUrl'),
  linkTitle: t('reporting.field.linkTitle'), linkRestricted: t('reporting.field.linkRestricted'),
  linkRestrictedReason: t('reporting.field.linkRestrictedReason'),
});

/** The report's version as the report and verdict forms name it: in their error, and beside the form. */
export const revisionLabel = (intl: Intl, revision: number) => intl.t('reporting.report.current', { revision });

/**
 * The version of the report a form is sent on (commands/report-revision.ts): the one the page shows, so a form sent
 * back because the report changed meanwhile carries the new version once its reader has it in front of them. The
 * error, when the report changed, sits here; the summary at the top of the form links to it.
 */
export function RevisionField({ intl, form, revision }: { intl: Intl; form: FormState; revision: number }) {
  const error = form.errors.revision;
  return (
    <>
      <input type="hidden" name="revision" value={String(revision)} />
      {error ? <p id={fieldId('revision')} class="field-error" tabindex="-1" safe>{errorMessage(intl, error, revisionLabel(intl, revision))}</p> : ''}
    </>
  );
}
/** The heading and breadcrumbs shared by the report and verdict pages. */
export function milestoneTitle(intl: Intl, frame: MilestoneFrame): string {
  return intl.t('reporting.report.title', { id: frame.milestone.ogpId, number: frame.milestone.number, label: frame.round.label });
}
export const milestoneCrumbs = (intl: Intl, frame: MilestoneFrame) => [
  { href: roundWorkspaceUrl(intl.locale, frame.round.id), label: intl.t('reporting.roundOf', { label: frame.round.label, plan: frame.plan }) },
];

/**
 * `/{locale}/reporting/rounds/{id}/milestones/{milestoneId}/report`: the report form, prefilled with the current
 * report, with the evidence already given (evidence is only ever added) and the verdicts so far. Without the right
 * to report (another role, a closed round) the same page shows the report to read.
 */
export function milestoneReportPage(ctx: PageContext, view: MilestoneFrame & {
  report: ReportDetail | null; form: FormState | null; institutions: { id: string; name: string }[] | null;
  csrfToken: string; notice?: string | undefined;
  /** The largest file accepted (`AHADI_UPLOAD_MAX_MB`), said in the file field's hint. */
  uploadMaxBytes: number;
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const revision = view.report?.revision ?? 0;
  const labels = { ...reportLabels(t), revision: revisionLabel(intl, revision) };
  const title = milestoneTitle(intl, view);
  const form = view.form;
  return Layout({
    ...ctx,
    title: formTitle(intl, title, form ?? undefined),
    breadcrumbs: milestoneCrumbs(intl, view),
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><MilestoneName intl={intl} m={view.milestone} /></p>
        {view.milestone.responsible.length > 0
          ? <p safe>{responsibleLine(intl, view.milestone.responsible)}</p>
          : ''}
        <p safe>{view.round.closedAt ? t('reporting.state.closedNoChange') : t('reporting.state.open', { date: formatDeadline(intl, view.round.deadline) })}</p>
        {view.milestone.withdrawn && !view.notice ? <p safe>{t('reporting.error.commitmentWithdrawn')}</p> : ''}
        {view.report ? <ReportSummary intl={intl} report={view.report} headingId="current-report"
          restrictHref={form ? (itemId) => restrictEvidenceUrl(intl.locale, view.round.id, view.milestone.id, itemId) : undefined} />
          : <p safe>{t('reporting.report.none')}</p>}
        {view.report ? <Verdicts intl={intl} report={view.report} /> : ''}
        {form ? (
          <section aria-labelledby="report-form">
            <h2 id="report-form" safe>{t(view.report ? 'reporting.report.revise' : 'reporting.report.give')}</h2>
            <ErrorSummary intl={intl} form={form} labels={labels} />
            <PostForm action={reportUrl(intl.locale, view.round.id, view.milestone.id)} csrfToken={view.csrfToken} class="stack-form" multipart>
              <RevisionField intl={intl} form={form} revision={revision} />
              {view.institutions ? (
                <SelectField intl={intl} form={form} name="institution" label={labels.institution} hint={t('reporting.hint.onBehalf')}
                  emptyLabel={t('reporting.chooseInstitution')} options={view.institutions.map((i) => ({ value: i.id, label: i.name }))} />
              ) : ''}
              <SelectField intl={intl} form={form} name="status" label={labels.status}
                options={REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(intl, s) }))} />
              <TextField intl={intl} form={form} name="percent" label={labels.percent} hint={t('reporting.hint.percent')} inputmode="numeric" />
              <TextArea intl={intl} form={form} name="narrative" label={labels.narrative} hint={t('reporting.hint.narrative')} rows={6} />
              <SelectField intl={intl} form={form} name="lang" label={labels.lang}
                options={LOCALES.map((l) => ({ value: l, label: languageName(l, intl.locale) }))} />
              <fieldset id={fieldId('evidence')} class={form.errors.evidence ? 'checkbox-group field-invalid' : 'checkbox-group'}
                aria-describedby={form.errors.evidence ? `${fieldId('evidence')}-error` : 'evidence-hint'}>
                <legend safe>{labels.evidence}</legend>
                <p id="evidence-hint" class="hint" safe>{t('reporting.hint.evidence')}</p>
                {form.errors.evidence ? <p id={`${fieldId('evidence')}-error`} class="field-error" safe>{errorMessage(intl, form.errors.evidence, labels.evidence)}</p> : ''}
                <FileInput intl={intl} form={form} label={labels.file} limit={formatFileSize(intl, view.uploadMaxBytes)} />
                <TextField intl={intl} form={form} name="fileTitle" label={labels.fileTitle} optional />
                <Checkbox intl={intl} form={form} name="fileRestricted" label={labels.fileRestricted} />
                <TextField intl={intl} form={form} name="fileRestrictedReason" label={labels.fileRestrictedReason} hint={t('reporting.hint.restricted')} optional />
                <TextField intl={intl} form={form} name="linkUrl" label={labels.linkUrl} hint={t('reporting.hint.link')} optional spellcheck={false} />
                <TextField intl={intl} form={form} name="linkTitle" label={labels.linkTitle} optional />
                <Checkbox intl={intl} form={form} name="linkRestricted" label={labels.linkRestricted} />
                <TextField intl={intl} form={form} name="linkRestrictedReason" label={labels.linkRestrictedReason} hint={t('reporting.hint.restricted')} optional />
              </fieldset>
              <button type="submit" class="button" safe>{t('reporting.report.submit')}</button>
            </PostForm>
          </section>
        ) : ''}
      </>
    ),
  });
}

/**
 * The file input of the evidence fieldset (the only file input of the portal's forms so far). Its hint says the
 * largest size accepted, as the error of a file too large does (evidence-upload.ts).
 */
function FileInput({ intl, form, label, limit }: { intl: Intl; form: FormState; label: string; limit: string }) {
  const error = form.errors.file;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={fieldId('file')} safe>{intl.t('form.optional', { label })}</label>
      <p id={`${fieldId('file')}-hint`} class="hint" safe>{intl.t('reporting.hint.file', { limit })}</p>
      {error ? <p id={`${fieldId('file')}-error`} class="field-error" safe>{errorMessage(intl, error, label)}</p> : ''}
      <input type="file" id={fieldId('file')} name="file" aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${fieldId('file')}-hint ${fieldId('file')}-error` : `${fieldId('file')}-hint`} />
    </div>
  );
}

/** Civil society's verdicts on the report, each saying which version it judged. */
export function Verdicts({ intl, report }: { intl: Intl; report: ReportDetail }) {
  const t = intl.t;
  return (
    <section aria-labelledby="verdicts">
      <h2 id="verdicts" safe>{t('reporting.verdicts.heading')}</h2>
      {report.verdicts.length === 0 ? <p safe>{t('reporting.verdicts.none')}</p> : (
        <ul class="history">
          {report.verdicts.map((v) => (
            <li>
              <VerdictBadge intl={intl} verdict={v.verdict} />{' '}
              <span safe>{t('reporting.verdicts.by', { reviewer: v.reviewer, date: formatInstant(intl, v.recordedAt) })}</span>
              {v.revision !== report.revision ? <>{' '}<span class="muted" safe>{t('reporting.verdicts.olderRevision', { revision: v.revision })}</span></> : ''}
              {v.comment ? <p safe>{v.comment}</p> : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
