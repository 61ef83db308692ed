import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { Notice } from '../layout/form.tsx';
import { memberName } from '../members/member-name.ts';
import { HistoryList, type EntryDetail } from '../commitments/commitment-history.page.tsx';
import type { ChangeView } from '../commitments/commitment-history.queries.ts';
import type { InstitutionHead } from './institution.queries.ts';
import type { MergeCounts } from './institution-merge.queries.ts';
import { institutionPath } from './institution-url.ts';

const MOVED: (keyof MergeCounts)[] = ['commitments', 'pointsOfContact', 'reviewers', 'invitations', 'openReports', 'formerNames'];

/**
 * `/{locale}/members/{slug}/institutions/{institution}/history`: the institution's renames and the merges into it,
 * newest first, each with who, when and why; public, like a commitment's history tab.
 */
export function institutionHistoryPage(ctx: PageContext, view: { institution: InstitutionHead; changes: ChangeView[]; notice?: string | undefined }): string {
  const { intl } = ctx;
  const t = intl.t;
  const { institution } = view;
  const title = t('institution.history.title', { institution: institution.name });
  const here = institutionPath(intl.locale, institution.member.slug, institution.slug);
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [
      { href: `/${intl.locale}/members/${institution.member.slug}`, label: memberName(institution.member, intl.locale) },
      { href: here, label: institution.name },
    ],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><a href={here} safe>{t('institution.history.back')}</a></p>
        {view.changes.length === 0 ? <p safe>{t('history.none')}</p>
          : <HistoryList intl={intl} changes={view.changes} detail={(c) => mergeDetail(intl, c)} />}
      </>
    ),
  });
}

/** A merge into the institution: which institution, and what moved with it ("3 commitments, 1 point of contact"). */
function mergeDetail(intl: Intl, change: ChangeView): EntryDetail | undefined {
  if (change.command !== 'merge_institution') return undefined;
  const moved = (change.after.moved ?? {}) as Partial<MergeCounts>;
  const counts = MOVED.filter((key) => (moved[key] ?? 0) > 0).map((key) => intl.t(`institution.merge.count.${key}`, { count: moved[key]! }));
  const merged = String(change.after.merged ?? '');
  return {
    summary: counts.length === 0
      ? intl.t('institution.history.mergedNothing', { institution: merged })
      : intl.t('institution.history.merged', { institution: merged, moved: intl.formatList(counts, { type: 'conjunction' }) as string }),
  };
}
