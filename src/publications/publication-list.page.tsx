import { Layout, type PageContext } from '../layout/layout.tsx';
import { Pagination } from '../commitments/commitment-list.page.tsx';
import { PUBLICATION_KINDS, type PublicationKind } from './commands/publication-form.ts';
import type { PublicationSummary } from './publication.queries.ts';
import { PublicationLinks } from './publication-view.tsx';
import { guidanceUrl } from './publication-urls.ts';

export const PUBLICATIONS_PER_PAGE = 20;

/** The list's address for a kind and page, as the page writes it (no `page=1`, no empty kind). */
export function guidanceListQuery(kind: PublicationKind | undefined, page: number): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `?${text}` : '';
}

type View = { kind: PublicationKind | undefined; page: number; total: number; rows: PublicationSummary[]; newHref?: string | undefined };

/**
 * `/{locale}/guidance`: the published guidance notes and stories of good practice, newest first, filtered by kind
 * with links (no JavaScript, no form), paginated.
 */
export function publicationListPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const base = guidanceUrl(intl.locale);
  const pages = Math.max(1, Math.ceil(view.total / PUBLICATIONS_PER_PAGE));
  const kinds: (PublicationKind | undefined)[] = [undefined, ...PUBLICATION_KINDS];
  return Layout({
    ...ctx,
    title: view.page > 1 ? t('publication.list.titlePage', { page: view.page }) : t('publication.list.title'),
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    children: (
      <>
        <h1 safe>{t('publication.list.title')}</h1>
        <p safe>{t('publication.list.intro')}</p>
        {view.newHref ? <p><a href={view.newHref} safe>{t('publication.admin.link')}</a></p> : ''}
        <nav aria-label={t('publication.list.kinds')}>
          <ul class="tags">
            {kinds.map((kind) => {
              const label = kind ? t(`publication.kind.${kind}.plural`) : t('publication.list.all');
              return <li>{kind === view.kind
                ? <span aria-current="page" safe>{label}</span>
                : <a href={`${base}${guidanceListQuery(kind, 1)}`} safe>{label}</a>}</li>;
            })}
          </ul>
        </nav>
        <p role="status" safe>{t('publication.list.count', { count: view.total })}</p>
        {view.rows.length > 0 ? <PublicationLinks intl={intl} publications={view.rows} headingLevel="h2" /> : ''}
        {pages > 1 ? <Pagination intl={intl} page={view.page} pages={pages} link={(n) => `${base}${guidanceListQuery(view.kind, n)}`} /> : ''}
      </>
    ),
  });
}
