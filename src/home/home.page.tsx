import { Layout, type PageContext } from '../layout/layout.tsx';
import { memberName } from '../members/member-name.ts';
import type { MemberSummary } from '../members/member.queries.ts';

export function homePage(ctx: PageContext, members: MemberSummary[]): string {
  const { intl } = ctx;
  const t = intl.t;
  const named = members.map((m) => ({ ...m, localName: memberName(m, intl.locale) }))
    .sort((a, b) => a.localName.localeCompare(b.localName, intl.locale));
  return Layout({
    ...ctx,
    title: t('home.title'),
    children: (
      <>
        <h1 safe>{t('home.title')}</h1>
        <p safe>{t('home.intro')}</p>
        <form method="get" action={`/${intl.locale}/commitments`} role="search" class="search-row">
          <label for="home-q" safe>{t('browse.searchLabel')}</label>
          <input type="search" id="home-q" name="q" maxlength="200" />
          <button type="submit" safe>{t('browse.search')}</button>
        </form>
        <p><a href={`/${intl.locale}/commitments`} safe>{t('home.browseAll')}</a></p>
        <h2 safe>{t('home.members')}</h2>
        {named.length === 0 ? <p safe>{t('home.noMembers')}</p> : (
          <ul class="cards">
            {named.map((m) => (
              <li>
                <h3><a href={`/${intl.locale}/members/${m.slug}`} safe>{m.localName}</a></h3>
                <p class="muted" safe>{t(`member.kind.${m.kind}`)}</p>
                <p safe>{t('home.memberCounts', { plans: m.actionPlanCount, commitments: m.commitmentCount })}</p>
              </li>
            ))}
          </ul>
        )}
      </>
    ),
  });
}
