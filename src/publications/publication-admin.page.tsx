import { textDir } from '../i18n/text-direction.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import type { PublicationSummary } from './publication.queries.ts';
import { pickText, publishedDate } from './publication-view.tsx';
import { publicationEditUrl, publicationNewUrl } from './publication-urls.ts';

/** `/{locale}/admin/publications`: every guidance note and story, drafts and withdrawn ones too, for the secretariat. */
export function publicationAdminPage(ctx: PageContext, publications: PublicationSummary[]): string {
  const { intl } = ctx;
  const t = intl.t;
  return Layout({
    ...ctx,
    title: t('publication.admin.title'),
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{t('publication.admin.title')}</h1>
        <p><a class="button" href={publicationNewUrl(intl.locale)} safe>{t('publication.new.title')}</a></p>
        {publications.length === 0 ? <p safe>{t('publication.admin.none')}</p> : (
          <div class="table-wrap">
            <table class="stack">
              <caption safe>{t('publication.admin.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>{t('publication.admin.titleColumn')}</th>
                  <th scope="col" safe>{t('publication.field.kind')}</th>
                  <th scope="col" safe>{t('publication.admin.state')}</th>
                  <th scope="col" safe>{t('publication.published')}</th>
                </tr>
              </thead>
              <tbody>
                {publications.map((p) => {
                  const title = pickText(p.texts, intl.locale);
                  return (
                    <tr>
                      <td data-label={t('publication.admin.titleColumn')}>
                        <a href={publicationEditUrl(intl.locale, p.slug)} lang={title?.locale} dir={textDir(title?.locale)} safe>{title?.title ?? p.slug}</a>
                      </td>
                      <td data-label={t('publication.field.kind')} safe>{t(`publication.kind.${p.kind}`)}</td>
                      <td data-label={t('publication.admin.state')} safe>{t(`publication.state.${p.state}`)}</td>
                      <td data-label={t('publication.published')} safe>{p.publishedOn ? publishedDate(intl, p.publishedOn) : t('common.notGiven')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </>
    ),
  });
}
