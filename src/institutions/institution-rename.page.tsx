import type { Intl } from '../i18n/intl.ts';
import type { PageContext } from '../layout/layout.tsx';
import { TextArea, TextField } from '../layout/form.tsx';
import { FormFramePage } from '../layout/form-frame.tsx';
import type { FormState } from '../http/form.ts';
import { memberName } from '../members/member-name.ts';
import type { InstitutionHead } from './institution.queries.ts';
import { institutionPath, institutionSubpath } from './institution-url.ts';

export const renameLabels = (t: Intl['t']) => ({
  name: t('institution.field.newName'), abbreviation: t('institution.field.abbreviation'), reason: t('edit.reason'),
});

/**
 * `/{locale}/members/{slug}/institutions/{institution}/rename`: the secretariat gives an institution a new name, and
 * an abbreviation. Its commitments, points of contact and reports stay its own; its old name keeps leading to it.
 */
export function institutionRenamePage(ctx: PageContext, view: { institution: InstitutionHead; form: FormState; csrfToken: string }): string {
  const { intl } = ctx;
  const t = intl.t;
  const { institution, form } = view;
  const labels = renameLabels(t);
  const here = institutionPath(intl.locale, institution.member.slug, institution.slug);
  return FormFramePage({
    ctx, heading: t('institution.rename.title', { institution: institution.name }),
    breadcrumbs: [
      { href: `/${intl.locale}/members/${institution.member.slug}`, label: memberName(institution.member, intl.locale) },
      { href: here, label: institution.name },
    ],
    links: [{ href: institutionSubpath(intl.locale, institution.member.slug, institution.slug, 'history'), label: t('institution.history.link') }],
    action: institutionSubpath(intl.locale, institution.member.slug, institution.slug, 'rename'), csrfToken: view.csrfToken, form,
    labels, submitLabel: t('institution.rename.submit'),
    children: <>
      <p safe>{t('institution.rename.explain')}</p>
      <TextField intl={intl} form={form} name="name" label={labels.name} autocomplete="off" />
      <TextField intl={intl} form={form} name="abbreviation" label={labels.abbreviation} hint={t('institution.rename.abbreviationHint')} autocomplete="off" optional />
      <TextArea intl={intl} form={form} name="reason" label={labels.reason} optional />
    </>,
  });
}
