import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { LOCALES } from '../i18n/locales.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm, SelectField, TextArea, TextField } from '../layout/form.tsx';
import type { FormState } from '../http/form.ts';

type Frame = { ogpId: string; title: string; lang: string; csrfToken: string; notice?: string | undefined };

export const commitmentEditUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}/edit`;
export const milestoneEditUrl = (locale: string, ogpId: string, number: number) => `/${locale}/commitments/${ogpId}/milestones/${number}/edit`;
export const historyUrl = (locale: string, ogpId: string) => `/${locale}/commitments/${ogpId}/history`;

export const commitmentEditLabels = (t: Intl['t']) => ({
  lang: t('edit.language'), title: t('edit.field.title'), description: t('commitment.description'), objectives: t('commitment.objectives'),
  statusQuo: t('commitment.statusQuo'), ambition: t('commitment.ambition'), status: t('commitment.status'), reason: t('edit.reason'),
});
export const withdrawLabels = (t: Intl['t']) => ({ withdrawReason: t('edit.withdraw.reason') });
export const milestoneEditLabels = (t: Intl['t']) => ({
  lang: t('edit.language'), text: t('milestone.text'), declaredStatus: t('milestone.declaredStatus'),
  start: t('milestone.start'), end: t('milestone.end'), reason: t('edit.reason'),
});

/** A GET form that picks the language whose texts the page edits: it works without JavaScript. */
function LanguageChooser({ intl, action, lang }: { intl: Intl; action: string; lang: string }) {
  return (
    <form method="get" action={action}>
      <label for="choose-lang" safe>{intl.t('edit.language')}</label>{' '}
      <select id="choose-lang" name="lang">
        {LOCALES.map((l) => <option value={l} selected={l === lang} safe>{languageName(l, intl.locale)}</option>)}
      </select>{' '}
      <button type="submit" class="button secondary" safe>{intl.t('edit.chooseLanguage')}</button>
    </form>
  );
}

/** `/{locale}/commitments/{id}/edit`: the texts of one language, the status, a reason; and withdrawal. */
export function commitmentEditPage(ctx: PageContext, view: Frame & {
  form: FormState; withdraw: FormState; withdrawn: boolean; milestones: { number: number; text: string | null }[];
}): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = commitmentEditLabels(t);
  const title = t('edit.commitment.title', { id: view.ogpId });
  const action = commitmentEditUrl(intl.locale, view.ogpId);
  const statusOptions = (['active', 'completed'] as const).map((s) => ({ value: s, label: t(`commitment.status.${s}`) }));
  const anyErrors = { values: {}, errors: { ...view.form.errors, ...view.withdraw.errors } };
  return Layout({
    ...ctx,
    title: formTitle(intl, title, anyErrors),
    breadcrumbs: [{ href: `/${intl.locale}/commitments/${view.ogpId}`, label: view.title }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><a href={historyUrl(intl.locale, view.ogpId)} safe>{t('history.link')}</a></p>
        <LanguageChooser intl={intl} action={action} lang={view.lang} />
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={action} csrfToken={view.csrfToken} class="stack-form">
          <input type="hidden" name="lang" value={view.lang} />
          <p safe>{t('edit.editingLanguage', { language: languageName(view.lang, intl.locale) })}</p>
          <div lang={view.lang}>
            <TextField intl={intl} form={view.form} name="title" label={labels.title} />
            <TextArea intl={intl} form={view.form} name="description" label={labels.description} optional rows={6} />
            <TextArea intl={intl} form={view.form} name="objectives" label={labels.objectives} hint={t('edit.hint.onePerLine')} optional rows={5} />
            <TextArea intl={intl} form={view.form} name="statusQuo" label={labels.statusQuo} optional rows={5} />
            <TextArea intl={intl} form={view.form} name="ambition" label={labels.ambition} optional rows={5} />
          </div>
          <SelectField intl={intl} form={view.form} name="status" label={labels.status} options={statusOptions}
            emptyLabel={view.withdrawn ? t('commitment.status.withdrawn') : t('common.notGiven')} />
          <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('edit.hint.reason')} optional />
          <button type="submit" class="button" safe>{t('edit.save')}</button>
        </PostForm>

        <section aria-labelledby="edit-milestones">
          <h2 id="edit-milestones" safe>{t('commitment.milestones')}</h2>
          {view.milestones.length === 0 ? <p safe>{t('commitment.noMilestones')}</p> : (
            <ul>
              {view.milestones.map((m) => (
                <li><a href={milestoneEditUrl(intl.locale, view.ogpId, m.number)} safe>{t('edit.milestone.link', { number: m.number })}</a>
                  {m.text ? <>{': '}<span safe>{m.text}</span></> : ''}</li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="withdraw">
          <h2 id="withdraw" safe>{t('edit.withdraw.heading')}</h2>
          {view.withdrawn ? <p safe>{t('edit.withdraw.already')}</p> : <>
            <p safe>{t('edit.withdraw.explain')}</p>
            <ErrorSummary intl={intl} form={view.withdraw} labels={withdrawLabels(t)} />
            <PostForm action={`/${intl.locale}/commitments/${view.ogpId}/withdraw`} csrfToken={view.csrfToken} class="stack-form">
              <TextArea intl={intl} form={view.withdraw} name="withdrawReason" label={withdrawLabels(t).withdrawReason} />
              <button type="submit" class="button" safe>{t('edit.withdraw.submit')}</button>
            </PostForm>
          </>}
        </section>
      </>
    ),
  });
}

/** `/{locale}/commitments/{id}/milestones/{number}/edit`: text, declared status, start and end months, a reason. */
export function milestoneEditPage(ctx: PageContext, view: Frame & { number: number; form: FormState; plannedEnd: string | null }): string {
  const { intl } = ctx;
  const t = intl.t;
  const labels = milestoneEditLabels(t);
  const title = t('edit.milestone.title', { number: view.number, id: view.ogpId });
  const action = milestoneEditUrl(intl.locale, view.ogpId, view.number);
  const statusOptions = (['new', 'ongoing'] as const).map((s) => ({ value: s, label: t(`milestone.declaredStatus.${s}`) }));
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.form),
    breadcrumbs: [{ href: `/${intl.locale}/commitments/${view.ogpId}`, label: view.title }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><a href={historyUrl(intl.locale, view.ogpId)} safe>{t('history.link')}</a></p>
        <LanguageChooser intl={intl} action={action} lang={view.lang} />
        <ErrorSummary intl={intl} form={view.form} labels={labels} />
        <PostForm action={action} csrfToken={view.csrfToken} class="stack-form">
          <input type="hidden" name="lang" value={view.lang} />
          <p safe>{t('edit.editingLanguage', { language: languageName(view.lang, intl.locale) })}</p>
          <div lang={view.lang}>
            <TextArea intl={intl} form={view.form} name="text" label={labels.text} rows={4} />
          </div>
          <SelectField intl={intl} form={view.form} name="declaredStatus" label={labels.declaredStatus} options={statusOptions} emptyLabel={t('common.notGiven')} />
          <TextField intl={intl} form={view.form} name="start" label={labels.start} hint={t('edit.hint.month')} optional inputmode="numeric" />
          <TextField intl={intl} form={view.form} name="end" label={labels.end}
            hint={view.plannedEnd ? `${t('edit.hint.month')} ${t('edit.hint.plannedEnd', { date: view.plannedEnd })}` : t('edit.hint.month')} optional inputmode="numeric" />
          <TextArea intl={intl} form={view.form} name="reason" label={labels.reason} hint={t('edit.hint.replanReason')} optional />
          <button type="submit" class="button" safe>{t('edit.save')}</button>
        </PostForm>
      </>
    ),
  });
}
