import type { FormState } from '../http/form.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, TextField } from '../layout/form.tsx';
import type { EvidenceView } from './milestone-report.queries.ts';
import { milestoneCrumbs, type MilestoneFrame } from './milestone-report.page.tsx';
import { reportUrl, restrictEvidenceUrl } from './reporting-urls.ts';
import { EvidenceList, MilestoneName } from './reporting-view.tsx';

/** `…/milestones/{milestoneId}/evidence/{itemId}/restrict`: hide one piece of evidence from the public, with a reason. */
export function restrictEvidencePage(ctx: PageContext, view: MilestoneFrame & { item: EvidenceView; form: FormState; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = t('reporting.restrict.title', { title: view.item.title });
  const labels = { reason: t('reporting.restrict.reason') };
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: [...milestoneCrumbs(intl, view), { href: reportUrl(intl.locale, view.round.id, view.milestone.id), label: t('reporting.action.read') }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <p><MilestoneName intl={intl} m={view.milestone} /></p>
        <EvidenceList intl={intl} items={[view.item]} />
        <p safe>{t('reporting.restrict.explain')}</p>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={restrictEvidenceUrl(intl.locale, view.round.id, view.milestone.id, view.item.id)} csrfToken={view.csrfToken} class="stack-form">
          <TextField intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('reporting.hint.restricted')} />
          <button type="submit" class="button" safe>{t('reporting.restrict.submit')}</button>
        </PostForm>
      </>
    ),
  });
}
