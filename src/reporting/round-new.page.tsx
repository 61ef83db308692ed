import type { Intl } from '../i18n/intl.ts';
import type { FormState } from '../http/form.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, PostForm, SelectField, TextField } from '../layout/form.tsx';
import type { PlanName } from './reporting-plans.queries.ts';
import { newRoundUrl, reportingUrl } from './reporting-urls.ts';

export const openRoundLabels = (t: Intl['t']) => ({
  actionPlan: t('reporting.field.actionPlan'), label: t('reporting.field.label'), deadline: t('reporting.field.deadline'),
});

/** `/{locale}/reporting/rounds/new`: the administrator opens a round for an action plan. */
export function roundNewPage(ctx: PageContext, view: { form: FormState; plans: PlanName[]; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = openRoundLabels(t);
  const title = t('reporting.open.title');
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: [{ href: reportingUrl(intl.locale), label: t('reporting.title') }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <p safe>{t('reporting.open.explain')}</p>
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={newRoundUrl(intl.locale)} csrfToken={view.csrfToken} class="stack-form">
          <SelectField intl={intl} form={view.form} name="actionPlan" label={labels.actionPlan} emptyLabel={t('reporting.open.choosePlan')}
            options={view.plans.map((p) => ({ value: p.id, label: p.title }))} />
          <TextField intl={intl} form={view.form} name="label" label={labels.label} hint={t('reporting.open.labelHint')} />
          <TextField intl={intl} form={view.form} name="deadline" label={labels.deadline} hint={t('reporting.open.deadlineHint')} inputmode="numeric" />
          <button type="submit" class="button" safe>{t('reporting.open.submit')}</button>
        </PostForm>
      </>
    ),
  });
}
