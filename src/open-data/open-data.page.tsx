import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { NO_FILTERS } from '../commitments/commitment-filters.ts';
import { commitmentsFeedPath } from '../feeds/feed-url.ts';
import { EXPORT_COLUMNS, exportColumnMeaning } from '../downloads/export-columns.ts';
import { OPEN_DATA_TABLES, type OpenDataTable } from './open-data-tables.ts';
import { LICENCE, PACKAGE_FOLDER } from './open-data-package.ts';

export const PACKAGE_URL = '/open-data/ahadi-open-data.zip';

/** `/{locale}/open-data`: what the open-data package holds, its licence, and the other ways to get the data. */
export function openDataPage(ctx: PageContext): string {
  const { intl } = ctx;
  const t = intl.t;
  const feed = commitmentsFeedPath(intl.locale, NO_FILTERS);
  return Layout({
    ...ctx,
    title: t('openData.title'),
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    feeds: [{ href: feed, title: t('feed.linkTitle') }],
    children: (
      <>
        <h1 safe>{t('openData.title')}</h1>
        <p safe>{t('openData.intro')}</p>

        <section aria-labelledby="package">
          <h2 id="package" safe>{t('openData.package')}</h2>
          <p><a href={PACKAGE_URL} class="download-link" safe>{t('openData.downloadPackage')}</a></p>
          <p safe>{t('openData.packageExplained', { folder: PACKAGE_FOLDER })}</p>
          <ul>
            <li safe>{t('openData.filesData')}</li>
            <li safe>{t('openData.filesSchemas')}</li>
            <li safe>{t('openData.filesDictionary')}</li>
            <li safe>{t('openData.filesDatapackage')}</li>
            <li safe>{t('openData.filesReadme')}</li>
          </ul>
          <p safe>{t('openData.generated')}</p>
        </section>

        <section aria-labelledby="licence">
          <h2 id="licence" safe>{t('openData.licence')}</h2>
          <p>
            <span safe>{t('openData.licenceText')}</span>{' '}
            <a href={LICENCE.path} hreflang="en" lang="en" safe>{LICENCE.title}</a>
          </p>
          <p safe>{t('openData.credit')}</p>
        </section>

        <section aria-labelledby="lists">
          <h2 id="lists" safe>{t('openData.lists')}</h2>
          <p safe>{t('openData.listsText')}</p>
          <p><a href={`/${intl.locale}/commitments`} safe>{t('home.browseAll')}</a></p>
          <details>
            <summary safe>{t('openData.listColumns')}</summary>
            <div class="table-wrap">
              <table class="stack">
                <caption safe>{t('openData.listColumns')}</caption>
                <thead><tr><th scope="col" safe>{t('openData.column')}</th><th scope="col" safe>{t('openData.meaning')}</th></tr></thead>
                <tbody>
                  {EXPORT_COLUMNS.map((c) => (
                    <tr>
                      <td data-label={t('openData.column')}><code safe>{c.key}</code></td>
                      <td data-label={t('openData.meaning')} safe>{exportColumnMeaning(intl, c.key)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>

        <section aria-labelledby="feeds">
          <h2 id="feeds" safe>{t('openData.feeds')}</h2>
          <p safe>{t('openData.feedsText')}</p>
          <p><a href={feed} type="application/atom+xml" safe>{t('feed.linkTitle')}</a></p>
        </section>

        <section aria-labelledby="tables">
          <h2 id="tables" safe>{t('openData.tables')}</h2>
          <p safe>{t('openData.tablesText')}</p>
          {OPEN_DATA_TABLES.map((table) => <TableDictionary intl={intl} table={table} />)}
        </section>
      </>
    ),
  });
}

function TableDictionary({ intl, table }: { intl: Intl; table: OpenDataTable }) {
  const t = intl.t;
  return (
    <details>
      <summary><code safe>{`${table.name}.csv`}</code> <span safe>{t(`openData.table.${table.name}`)}</span></summary>
      <div class="table-wrap">
        <table class="stack">
          <caption safe>{t('openData.dictionaryOf', { table: table.name })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('openData.column')}</th>
              <th scope="col" safe>{t('openData.type')}</th>
              <th scope="col" safe>{t('openData.required')}</th>
              <th scope="col" safe>{t('openData.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr>
                <td data-label={t('openData.column')}><code safe>{c.name}</code></td>
                <td data-label={t('openData.type')}><code>{c.type}</code></td>
                <td data-label={t('openData.required')} safe>{c.required ? t('common.yes') : t('common.no')}</td>
                <td data-label={t('openData.meaning')} lang="en" safe>{c.enum ? `${c.description} (${c.enum.join(', ')})` : c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
