import type { Intl } from '../i18n/intl.ts';
import { textDir } from '../i18n/text-direction.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { ratingLabel } from '../irm/irm-review.view.tsx';
import { effectiveSort, filterLinks, SORTS, type CommitmentFilters, type Sort } from './commitment-filters.ts';
import type { Facets, FacetValue } from './commitment-list-page.queries.ts';
import type { CommitmentListItem } from './commitment-list.queries.ts';
import { DOWNLOAD_FORMATS, downloadUrl } from '../downloads/download-url.ts';
import { commitmentsFeedPath } from '../feeds/feed-url.ts';

/** Facets that can be long (200 members, 60 policy areas): they show their first values and a link to all. */
export const EXPANDABLE_FACETS = ['member', 'area', 'lead', 'irm'] as const;
export type ExpandableFacet = (typeof EXPANDABLE_FACETS)[number];
/** Values a long facet shows before "all": most of the page's weight on a slow connection was the member list. */
const FACET_VALUES_SHOWN = 10;

export type CommitmentListView = {
  filters: CommitmentFilters;
  items: CommitmentListItem[];
  total: number;
  page: number;
  pageSize: number;
  /** The filters beside the results, in this page's sort (`filterPanel`, `panelInSort`). */
  filterPanel: string;
};

export type FilterPanelView = {
  filters: CommitmentFilters;
  facets: Facets;
  /** The facet that shows all its values (`?all=member`). */
  expanded?: ExpandableFacet;
};

/** `/{locale}/commitments`: search, filters with counts, results and pages, all in one GET form (no JavaScript). */
export function commitmentListPage(ctx: PageContext, view: CommitmentListView): string {
  const { intl } = ctx;
  const t = intl.t;
  const { filters, total, page, pageSize } = view;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/${intl.locale}/commitments`;
  const linkQuery = filterLinks(filters);
  const pageLink = (n: number) => `${base}${linkQuery({ page: n === 1 ? undefined : n })}`;
  // A page number past the last page (an old link, a hand-typed URL) lists nothing though commitments match.
  const pastEnd = total > 0 && page > pages;
  return Layout({
    ...ctx,
    title: t('browse.title'),
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }],
    feeds: [{ href: commitmentsFeedPath(intl.locale, filters), title: t('feed.linkTitle') }],
    children: (
      <>
        <h1 safe>{t('browse.title')}</h1>
        <form method="get" action={base} class="browse">
          <div class="search-row" role="search">
            <label for="q" safe>{t('browse.searchLabel')}</label>
            <input type="search" id="q" name="q" value={filters.q ?? ''} maxlength="200" />
            <button type="submit" safe>{t('browse.search')}</button>
          </div>
          <div class="browse-layout">
            <section class="results" aria-labelledby="results-heading">
              <h2 id="results-heading" safe>{t('browse.resultCount', { count: total })}</h2>
              {total > 0 ? (
                <p class="downloads">
                  <span safe>{t('download.label', { count: total })}</span>{' '}
                  {DOWNLOAD_FORMATS.map((format, i) => <>{i > 0 ? ' · ' : ''}<a href={downloadUrl(intl.locale, format, filters)} safe>{t(`download.${format}`)}</a></>)}
                </p>
              ) : ''}
              <p>
                <label for="sort" safe>{t('browse.sortLabel')}</label>{' '}
                <select id="sort" name="sort">
                  {SORTS.filter((s) => s !== 'relevance' || filters.q).map((s) => (
                    <option value={s} selected={effectiveSort(filters) === s} safe>{t(`browse.sort.${s}`)}</option>
                  ))}
                </select>{' '}
                <button type="submit" safe>{t('browse.apply')}</button>
              </p>
              {pastEnd ? (
                <p>
                  <span safe>{t('browse.pastEnd', { page, pages })}</span>{' '}
                  <a href={pageLink(pages)} safe>{t('browse.lastPage', { page: pages })}</a>
                </p>
              ) : view.items.length === 0 ? <p safe>{t('browse.noResults')}</p> : (
                <ol class="result-list" start={String((page - 1) * pageSize + 1)}>
                  {view.items.map((item) => <ResultItem intl={intl} item={item} />)}
                </ol>
              )}
              {pages > 1 && !pastEnd ? <Pagination intl={intl} link={pageLink} page={page} pages={pages} /> : ''}
            </section>
            {view.filterPanel as 'safe'}
          </div>
        </form>
      </>
    ),
  });
}

/**
 * The filters beside the results (facets with their counts, years, hidden fields): the same on every page and in
 * every sort of a filter state, but for the sort their links carry. Made with a stand-in for the sort, kept by the
 * list route with the counts of the filter state (decision 020, amended), and given each page's sort by
 * `panelInSort`: made for every page, it was over half of the time and of the garbage of rendering one.
 */
export function filterPanel(intl: Intl, { filters: picked, facets, expanded }: FilterPanelView): string {
  const t = intl.t;
  const filters = { ...picked, sort: SORT_SLOT };
  const base = `/${intl.locale}/commitments`;
  const linkQuery = filterLinks(filters);
  const facet = (name: ExpandableFacet) => ({
    name, selected: filters[name],
    more: {
      intl, expanded: expanded === name,
      // Filters picked in the form but not applied yet are lost by this link, as by any link: it is a GET like "Apply".
      toggle: `${base}${linkQuery({ all: expanded === name ? undefined : name })}#facet-${name}`,
    },
  });
  return (
    <section class="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" safe>{t('browse.filters')}</h2>
      <FacetGroup {...facet('member')} legend={t('browse.facet.member')} values={facets.member}
        label={(m) => memberName({ name: m.label, kind: m.kind, isoAlpha2: m.isoAlpha2 }, intl.locale)} />
      <FacetGroup name="kind" legend={t('browse.facet.kind')} selected={filters.kind} values={facets.kind}
        label={(k) => t(`member.kind.${k.value}`)} />
      <FacetGroup {...facet('area')} legend={t('browse.facet.area')} values={facets.area} />
      <FacetGroup {...facet('lead')} legend={t('browse.facet.lead')} values={facets.lead} />
      <FacetGroup {...facet('irm')} legend={t('browse.facet.irm')} hint={t('browse.facet.irmHint')} values={facets.irm}
        label={(r) => ratingLabel(intl, r.value)} />
      <FacetGroup name="milestone" legend={t('browse.facet.milestone')} selected={filters.milestone}
        values={facets.milestone} label={(m) => t(`milestone.declaredStatus.${m.value}`)} />
      <fieldset>
        <legend safe>{t('browse.facet.years')}</legend>
        <label for="from" safe>{t('browse.from')}</label>{' '}
        <input type="number" id="from" name="from" inputmode="numeric" min="2011" max="2100" value={filters.from?.toString() ?? ''} class="year" />{' '}
        <label for="to" safe>{t('browse.to')}</label>{' '}
        <input type="number" id="to" name="to" inputmode="numeric" min="2011" max="2100" value={filters.to?.toString() ?? ''} class="year" />
        {facets.year.length > 0 ? <>
          <p id="years-covered" safe>{t('browse.yearsCovered')}</p>
          <ul class="facet-years" aria-labelledby="years-covered">
            {facets.year.map((y) => (
              <li><a href={`${base}${linkQuery({}, { from: Number(y.value), to: Number(y.value) })}`}
                safe>{t('browse.yearCount', { year: y.value, count: y.count })}</a></li>
            ))}
          </ul>
        </> : ''}
      </fieldset>
      {filters.plan.map((p) => <input type="hidden" name="plan" value={p} />)}
      {expanded ? <input type="hidden" name="all" value={expanded} /> : ''}
      <p><button type="submit" safe>{t('browse.apply')}</button> <a href={base} safe>{t('browse.clear')}</a></p>
    </section>
  ) as string;
}

// The sort in a kept panel's links until `panelInSort` puts a page's in: URLSearchParams writes it `sort=%00`, which
// no link of a page can hold otherwise (no parameter may carry U+0000: nul-character-guard.ts).
const SORT_SLOT = '\u0000' as Sort;
const SORT_SLOT_PARAMETER = 'sort=%00';

/** A panel of `filterPanel` with the links of a page in `sort` (none: links without a sort, as `filterLinks` writes them). */
export function panelInSort(panel: string, sort: Sort | undefined): string {
  const inSort = (href: string) => (sort
    ? href.replace(SORT_SLOT_PARAMETER, `sort=${sort}`)
    : href.replace(`?${SORT_SLOT_PARAMETER}&`, '?').replace(`&${SORT_SLOT_PARAMETER}`, '').replace(`?${SORT_SLOT_PARAMETER}`, ''));
  return panel.replace(/ href="[^"]*"/g, (href) => (href.includes(SORT_SLOT_PARAMETER) ? inSort(href) : href));
}

function ResultItem({ intl, item }: { intl: Intl; item: CommitmentListItem }) {
  const member = memberName(item.member, intl.locale);
  return (
    <li>
      <h3><a href={`/${intl.locale}/commitments/${item.ogpId}`} lang={item.titleLocale} dir={textDir(item.titleLocale)} safe>{item.title}</a> <span class="muted" safe>{`(${item.ogpId})`}</span></h3>
      <p class="muted" safe>{actionPlanTitle(intl, member, item.actionPlan)}</p>
      {item.leadInstitutions.length > 0
        ? <p safe>{intl.t('browse.ledBy', { institutions: intl.conjunction.format(item.leadInstitutions) })}</p>
        : ''}
      {item.snippetHtml ? <p class="snippet" lang={item.titleLocale} dir={textDir(item.titleLocale)}>{item.snippetHtml as 'safe'}</p> : ''}
    </li>
  );
}

function FacetGroup<V extends FacetValue>({ name, legend, hint, values, label, selected, more }: {
  name: string; legend: string; values: V[]; selected: string[];
  /** How the values combine, when not as alternatives only. */
  hint?: string;
  /** A value's label when it is not the value's own: asked only for the values shown (a member facet lists 200). */
  label?: (value: V) => string;
  /** For a facet that may be long: whether it shows all values, and the link that shows all or fewer. */
  more?: { intl: Intl; expanded: boolean; toggle: string };
}) {
  // A selected value stays visible even when no commitment matches it any more, or when it is not among the first;
  // such a value is labelled by itself.
  const missing = selected.filter((s) => !values.some((v) => v.value === s)).map((s): FacetValue => ({ value: s, label: s, count: 0 }));
  const all: FacetValue[] = missing.length > 0 ? [...values, ...missing] : values;
  if (all.length === 0) return '';
  const long = more !== undefined && values.length > FACET_VALUES_SHOWN;
  const shown = long && !more.expanded
    ? all.filter((v, i) => i < FACET_VALUES_SHOWN || selected.includes(v.value))
    : all;
  const labelOf = (v: FacetValue) => (label && !missing.includes(v) ? label(v as V) : v.label);
  return (
    <fieldset id={`facet-${name}`} aria-describedby={hint ? `facet-${name}-hint` : undefined}>
      <legend safe>{legend}</legend>
      {hint ? <p id={`facet-${name}-hint`} class="hint" safe>{hint}</p> : ''}
      <ul class="facet">
        {shown.map((v, i) => {
          const id = `${name}-${i}`;
          return (
            <li>
              <input type="checkbox" id={id} name={name} value={v.value} checked={selected.includes(v.value)} />{' '}
              <label for={id}><span safe>{labelOf(v)}</span> <span class="count" safe>{`(${v.count})`}</span></label>
            </li>
          );
        })}
      </ul>
      {long ? (
        <p class="facet-more"><a href={more.toggle} safe>{more.expanded
          ? more.intl.t('browse.showFewer', { legend })
          : more.intl.t('browse.showAll', { legend, count: values.length })}</a></p>
      ) : ''}
    </fieldset>
  );
}

export function Pagination({ intl, link, page, pages }: { intl: Intl; link: (page: number) => string; page: number; pages: number }) {
  const numbers = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={intl.t('browse.pages')}>
      <ul>
        {page > 1 ? <li><a href={link(page - 1)} rel="prev" safe>{intl.t('browse.previous')}</a></li> : ''}
        {numbers.map((n) => (
          <li>{n === page
            ? <span aria-current="page" safe>{intl.formatNumber(n)}</span>
            : <a href={link(n)} aria-label={intl.t('browse.pageNumber', { number: n })} safe>{intl.formatNumber(n)}</a>}</li>
        ))}
        {page < pages ? <li><a href={link(page + 1)} rel="next" safe>{intl.t('browse.next')}</a></li> : ''}
      </ul>
    </nav>
  );
}
