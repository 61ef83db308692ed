import { languageName, type Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, SelectField, TextArea, TextField } from '../layout/form.tsx';
import { FormFramePage } from '../layout/form-frame.tsx';
import { historyUrl, VersionField } from '../commitments/commitment-edit.page.tsx';
import type { FormState } from '../http/form.ts';
import { INDICATORS_BY_REPORT, IRM_INDICATOR_KEYS, type IrmMethod, type IrmReport } from './indicators.ts';
import { irmAssessmentsUrl, irmAssessmentUrl, methodOfReport } from './assessable-reports.ts';
import { answerText } from './irm-review.view.tsx';
import { ratingChoices } from './commands/record-irm-review.ts';

const commitmentUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}`;

/** Each field's label, by name: every indicator's (one the report does not rate is refused under its name), the texts, the version. */
export const irmReviewLabels = (t: Intl['t']): Record<string, string> => ({
  ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => [indicator, t(`irm.indicator.${indicator}`)])),
  justification: t('irmAssessment.field.justification'), reason: t('edit.reason'), version: t('edit.conflict.label'),
});

type Commitment = { ogpId: string; title: string };

/**
 * `/{locale}/irm`: where an IRM researcher starts from the workspace: the commitment to assess, by its OGP ID (a GET
 * form: it only opens a page). Commitment pages link the same assessments.
 */
export function irmWorkspacePage(ctx: PageContext, form: FormState): string {
  const { intl } = ctx;
  const t = intl.t;
  const heading = t('irmAssessment.account.heading');
  const labels = { commitment: t('irmAssessment.account.commitment') };
  return Layout({
    ...ctx,
    title: formTitle(intl, heading, form),
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{heading}</h1>
        <p safe>{t('irmAssessment.account.text')}</p>
        <ErrorSummary intl={intl} form={form} labels={labels} />
        <form method="get" action={`/${intl.locale}/irm`} novalidate class="stack-form">
          <TextField intl={intl} form={form} name="commitment" label={labels.commitment} spellcheck={false} />
          <button type="submit" class="button" safe>{t('irmAssessment.account.open')}</button>
        </form>
      </>
    ),
  });
}

/** A report the commitment can be assessed in, and whether it has been. */
export type ReportEntry = { report: IrmReport; recorded: boolean };

/**
 * `/{locale}/commitments/{id}/irm`: which IRM reports this commitment's plan is assessed in (its method), each with a
 * link to record its assessment or to revise the one recorded.
 */
export function irmAssessmentsPage(ctx: PageContext, view: Commitment & { submissionYear: number; reports: ReportEntry[] }): string {
  const { intl } = ctx;
  const t = intl.t;
  const heading = t('irmAssessment.list.title', { id: view.ogpId });
  const methods = [...new Set(view.reports.map((r) => methodOfReport(r.report)))];
  return Layout({
    ...ctx,
    title: heading,
    breadcrumbs: [{ href: commitmentUrl(intl.locale, view.ogpId), label: view.title }],
    children: (
      <>
        <h1 safe>{heading}</h1>
        <p safe>{t('irmAssessment.list.plan', { year: String(view.submissionYear) })}</p>
        {methods.map((m) => <p safe>{t(`irmAssessment.method.${m}`)}</p>)}
        <ul>
          {view.reports.map((r) => (
            <li><a href={irmAssessmentUrl(intl.locale, view.ogpId, r.report)} safe>
              {t(r.recorded ? 'irmAssessment.list.revise' : 'irmAssessment.list.record', { report: t(`irm.report.${r.report}`) })}
            </a></li>
          ))}
        </ul>
        <p><a href={historyUrl(intl.locale, view.ogpId)} safe>{t('history.link')}</a></p>
      </>
    ),
  });
}

type FormView = Commitment & {
  report: IrmReport; method: IrmMethod; revision: boolean; justificationLang: string; form: FormState; csrfToken: string;
  /** The Action Plan Review found the commitment not verifiable (the Results Report then rates nothing). */
  notVerifiable: boolean; notice?: string | undefined;
};

/**
 * `/{locale}/commitments/{id}/irm/{report}`: the commitment's assessment in one IRM report: an answer for each
 * indicator that report rates (a value, or "not yet reviewed", "not applicable", "no data"), an optional
 * justification shown on the public page, and, for a revision, the reason the public history shows.
 */
export function irmReviewFormPage(ctx: PageContext, view: FormView): string {
  const { intl } = ctx;
  const t = intl.t;
  const report = t(`irm.report.${view.report}`);
  const labels = irmReviewLabels(t);
  return FormFramePage({
    ctx,
    heading: t(view.revision ? 'irmAssessment.form.reviseTitle' : 'irmAssessment.form.recordTitle', { report, id: view.ogpId }),
    breadcrumbs: [
      { href: commitmentUrl(intl.locale, view.ogpId), label: view.title },
      { href: irmAssessmentsUrl(intl.locale, view.ogpId), label: t('irmAssessment.list.title', { id: view.ogpId }) },
    ],
    notice: view.notice,
    links: [{ href: historyUrl(intl.locale, view.ogpId), label: t('history.link') }],
    action: irmAssessmentUrl(intl.locale, view.ogpId, view.report),
    csrfToken: view.csrfToken, form: view.form, labels,
    submitLabel: t(view.revision ? 'irmAssessment.form.saveRevision' : 'irmAssessment.form.save'),
    children: <>
      <VersionField intl={intl} form={view.form} historyHref={historyUrl(intl.locale, view.ogpId)} />
      <p safe>{t(`irmAssessment.method.${view.method}`)}</p>
      {view.notVerifiable && <p safe>{t('irmAssessment.hint.notVerifiableInReview')}</p>}
      {INDICATORS_BY_REPORT[view.report].map((indicator) => {
        const { values, states } = ratingChoices(indicator);
        const option = (answer: string) => ({ value: answer, label: answerText(intl, indicator, answer) });
        return <SelectField intl={intl} form={view.form} name={indicator} label={labels[indicator]!}
          options={[{ label: t('irmAssessment.form.rated'), options: values.map(option) },
            { label: t('irmAssessment.form.notRated'), options: states.map(option) }]} />;
      })}
      <TextArea intl={intl} form={view.form} name="justification" label={labels.justification!} optional rows={5} textLang={view.justificationLang}
        hint={t('irmAssessment.hint.justification', { language: languageName(view.justificationLang, intl.locale) })} />
      <TextArea intl={intl} form={view.form} name="reason" label={labels.reason!} optional={!view.revision}
        hint={t(view.revision ? 'irmAssessment.hint.reasonRevision' : 'edit.hint.reason')} />
    </>,
  });
}
