import type { Intl } from '../i18n/intl.ts';
import type { PageContext } from '../layout/layout.tsx';
import { SelectField, TextArea, TextField, type SelectGroup, type SelectOption } from '../layout/form.tsx';
import { FormFramePage, textLanguage } from '../layout/form-frame.tsx';
import { CheckboxGroup } from '../layout/checkbox-group.tsx';
import type { FormState } from '../http/form.ts';
import { publicationLanguages } from '../i18n/publication-languages.ts';
import { actionPlanEditUrl, actionPlanUrl, commitmentNewUrl, memberUrl } from '../action-plans/action-plan-edit.page.tsx';

export const commitmentCreateLabels = (t: Intl['t']) => ({
  lang: t('edit.language'), ogpId: t('commitment.field.ogpId'), numberInPlan: t('commitment.numberInPlan'), title: t('edit.field.title'),
  description: t('commitment.description'), objectives: t('commitment.objectives'), leadInstitution: t('commitment.field.leadInstitution'),
  supportingInstitutions: t('commitment.field.supportingInstitutions'), policyAreas: t('commitment.policyAreas'),
  start: t('milestone.start'), end: t('milestone.end'),
});

/**
 * `/{locale}/members/{slug}/action-plans/{number}/commitments/new`: a new commitment of the plan, its texts in the
 * language chosen above the form, any of those OGP members publish in (`publicationLanguages`, named and sorted in
 * the page's language); a right-to-left one (Arabic) sets the direction of the text fields (`FormFramePage`). A
 * point of contact is offered their own institution only as the lead.
 */
export function commitmentCreatePage(ctx: PageContext, view: {
  memberSlug: string; memberName: string; planNumber: number; planTitle: string; ogpPrefix: string; lang: string;
  leadOptions: SelectOption[]; institutionOptions: SelectOption[]; policyAreas: SelectGroup[];
  /** Administrators may edit the plan itself: its page is linked. */
  mayEditPlan: boolean;
  /** A point of contact: the lead is their institution, the only one offered. */
  ownLead: boolean; form: FormState; csrfToken: string;
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = commitmentCreateLabels(t);
  const { form } = view;
  return FormFramePage({
    ctx, heading: t('commitment.new.title', { plan: view.planTitle }),
    breadcrumbs: [
      { href: memberUrl(intl.locale, view.memberSlug), label: view.memberName },
      { href: actionPlanUrl(intl.locale, view.memberSlug, view.planNumber), label: view.planTitle },
    ],
    links: view.mayEditPlan ? [{ href: actionPlanEditUrl(intl.locale, view.memberSlug, view.planNumber), label: t('actionPlan.edit.link') }] : [],
    action: commitmentNewUrl(intl.locale, view.memberSlug, view.planNumber), csrfToken: view.csrfToken, form, labels,
    submitLabel: t('commitment.new.submit'),
    language: { ...textLanguage(ctx, view.lang, 'write'), choices: publicationLanguages(intl.locale) },
    texts: <>
      <TextField intl={intl} form={form} name="title" textLang={view.lang} label={labels.title} />
      <TextArea intl={intl} form={form} name="description" textLang={view.lang} label={labels.description} optional rows={6} />
      <TextArea intl={intl} form={form} name="objectives" textLang={view.lang} label={labels.objectives} hint={t('edit.hint.onePerLine')} optional rows={5} />
    </>,
    children: <>
      <TextField intl={intl} form={form} name="ogpId" label={labels.ogpId} spellcheck={false}
        hint={t('commitment.hint.ogpId', { prefix: view.ogpPrefix, example: `${view.ogpPrefix}0001` })} />
      <TextField intl={intl} form={form} name="numberInPlan" label={labels.numberInPlan} optional inputmode="numeric" />
      <SelectField intl={intl} form={form} name="leadInstitution" label={labels.leadInstitution} options={view.leadOptions}
        {...(view.ownLead ? { hint: t('commitment.hint.leadOwn') } : { emptyLabel: t('commitment.chooseInstitution') })} />
      <CheckboxGroup intl={intl} form={form} name="supportingInstitutions" label={labels.supportingInstitutions} options={view.institutionOptions} />
      <CheckboxGroup intl={intl} form={form} name="policyAreas" label={labels.policyAreas} options={view.policyAreas} />
      <TextField intl={intl} form={form} name="start" label={labels.start} hint={t('edit.hint.month')} optional inputmode="numeric" />
      <TextField intl={intl} form={form} name="end" label={labels.end} hint={t('edit.hint.month')} optional inputmode="numeric" />
    </>,
  });
}
