import type { Intl } from '../i18n/intl.ts';
import type { FormState } from '../http/form.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, SelectField, TextArea } from '../layout/form.tsx';
import { VERDICTS } from './commands/record-verdict.ts';
import type { ReportDetail } from './milestone-report.queries.ts';
import { verdictUrl } from './reporting-urls.ts';
import { MilestoneName, ReportSummary, verdictLabel } from './reporting-view.tsx';
import { milestoneCrumbs, RevisionField, revisionLabel, Verdicts, type MilestoneFrame } from './milestone-report.page.tsx';

export const verdictLabels = (t: Intl['t']) => ({ verdict: t('reporting.field.verdict'), comment: t('reporting.field.comment') });

/**
 * `/{locale}/reporting/rounds/{id}/milestones/{milestoneId}/verdict`: a civil-society reviewer's verdict, with the
 * report and its evidence beside the form (side by side on a wide screen, one above the other on a phone).
 */
export function verdictPage(ctx: PageContext, view: MilestoneFrame & {
  report: ReportDetail; form: FormState; csrfToken: string; notice?: string | undefined;
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = { ...verdictLabels(t), revision: revisionLabel(intl, view.report.revision) };
  const title = t('reporting.verdict.title', { id: view.milestone.ogpId, number: view.milestone.number, label: view.round.label });
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: milestoneCrumbs(intl, view),
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><MilestoneName intl={intl} m={view.milestone} /></p>
        <div class="side-by-side">
          <ReportSummary intl={intl} report={view.report} headingId="current-report" />
          <section aria-labelledby="verdict-form">
            <h2 id="verdict-form" safe>{t('reporting.verdict.yours', { revision: view.report.revision })}</h2>
            <ErrorSummary intl={intl} form={view.form} labels={labels} />
            <PostForm action={verdictUrl(intl.locale, view.round.id, view.milestone.id)} csrfToken={view.csrfToken} class="stack-form">
              <RevisionField intl={intl} form={view.form} revision={view.report.revision} />
              <SelectField intl={intl} form={view.form} name="verdict" label={labels.verdict} emptyLabel={t('reporting.verdict.choose')}
                options={VERDICTS.map((v) => ({ value: v, label: verdictLabel(intl, v) }))} />
              <TextArea intl={intl} form={view.form} name="comment" label={labels.comment} hint={t('reporting.hint.comment')} rows={5} />
              <button type="submit" class="button" safe>{t('reporting.verdict.submit')}</button>
            </PostForm>
          </section>
        </div>
        <Verdicts intl={intl} report={view.report} />
      </>
    ),
  });
}
