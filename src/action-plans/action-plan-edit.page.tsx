import type { Intl } from '../i18n/intl.ts';
import type { PageContext } from '../layout/layout.tsx';
import { TextArea, TextField } from '../layout/form.tsx';
import { FormFramePage } from '../layout/form-frame.tsx';
import type { FormState } from '../http/form.ts';

export const memberUrl = (locale: string, slug: string) => `/${locale}/members/${slug}`;
export const actionPlanUrl = (locale: string, slug: string, number: number) => `${memberUrl(locale, slug)}/action-plans/${number}`;
export const actionPlanNewUrl = (locale: string, slug: string) => `${memberUrl(locale, slug)}/action-plans/new`;
export const actionPlanEditUrl = (locale: string, slug: string, number: number) => `${actionPlanUrl(locale, slug, number)}/edit`;
export const commitmentNewUrl = (locale: string, slug: string, number: number) => `${actionPlanUrl(locale, slug, number)}/commitments/new`;

export const actionPlanLabels = (t: Intl['t']) => ({
  number: t('actionPlan.number'), submissionYear: t('actionPlan.field.submissionYear'),
  startYear: t('actionPlan.field.startYear'), endYear: t('actionPlan.field.endYear'), reason: t('edit.reason'),
});

type View = { memberSlug: string; memberName: string; form: FormState; csrfToken: string; notice?: string | undefined };

function ActionPlanFields({ intl, form }: { intl: Intl; form: FormState }) {
  const t = intl.t;
  const labels = actionPlanLabels(t);
  return <>
    <TextField intl={intl} form={form} name="number" label={labels.number} hint={t('actionPlan.hint.number')} inputmode="numeric" />
    <TextField intl={intl} form={form} name="submissionYear" label={labels.submissionYear} inputmode="numeric" />
    <TextField intl={intl} form={form} name="startYear" label={labels.startYear} inputmode="numeric" />
    <TextField intl={intl} form={form} name="endYear" label={labels.endYear} hint={t('actionPlan.hint.endYear')} inputmode="numeric" />
  </>;
}

/** `/{locale}/members/{slug}/action-plans/new`: a new plan's number and years (administrators). */
export function actionPlanNewPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  return FormFramePage({
    ctx, heading: t('actionPlan.new.title', { member: view.memberName }),
    breadcrumbs: [{ href: memberUrl(intl.locale, view.memberSlug), label: view.memberName }],
    action: actionPlanNewUrl(intl.locale, view.memberSlug), csrfToken: view.csrfToken, form: view.form, labels: actionPlanLabels(t),
    submitLabel: t('actionPlan.new.submit'),
    children: <ActionPlanFields intl={intl} form={view.form} />,
  });
}

/** `/{locale}/members/{slug}/action-plans/{number}/edit`: the plan's number and years, and a link to add commitments. */
export function actionPlanEditPage(ctx: PageContext, view: View & { number: number; planTitle: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  return FormFramePage({
    ctx, heading: t('actionPlan.edit.title', { title: view.planTitle }), notice: view.notice,
    breadcrumbs: [
      { href: memberUrl(intl.locale, view.memberSlug), label: view.memberName },
      { href: actionPlanUrl(intl.locale, view.memberSlug, view.number), label: view.planTitle },
    ],
    links: [{ href: commitmentNewUrl(intl.locale, view.memberSlug, view.number), label: t('commitment.new.link') }],
    action: actionPlanEditUrl(intl.locale, view.memberSlug, view.number), csrfToken: view.csrfToken, form: view.form,
    labels: actionPlanLabels(t), submitLabel: t('edit.save'),
    children: <>
      <ActionPlanFields intl={intl} form={view.form} />
      <TextArea intl={intl} form={view.form} name="reason" label={t('edit.reason')} optional />
    </>,
  });
}
