import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import type { InstitutionCommitment, InstitutionHead } from './institution.queries.ts';
import { textDir } from '../i18n/text-direction.ts';
import { pointOfContactUrl } from '../admin/invitations.page.tsx';
import { institutionPath } from './institution-url.ts';

/**
 * An institution and the commitments it leads and supports. One left with none (an import renamed it, or named
 * others) keeps its page, since links to it were shared: the page says so and links the history of the commitments
 * that named it before (`formerCommitments`, read only when it has none now).
 */
export type InstitutionPageView = {
  institution: InstitutionHead; commitments: InstitutionCommitment[]; formerCommitments: string[];
  /** Its former names and the institutions merged into it: the names it can still be found by. */
  formerNames: string[];
  /** Workspace links the signed-in person's policies allow (renaming and merging); the public gets none. */
  may: { manage: boolean };
};

export function institutionPage(ctx: PageContext, { institution, commitments, formerCommitments, formerNames, may }: InstitutionPageView): string {
  const { intl } = ctx;
  const t = intl.t;
  const member = memberName(institution.member, intl.locale);
  const memberUrl = `/${intl.locale}/members/${institution.member.slug}`;
  const led = commitments.filter((c) => c.role === 'lead');
  const supported = commitments.filter((c) => c.role === 'supporting');
  const here = institutionPath(intl.locale, institution.member.slug, institution.slug);
  return Layout({
    ...ctx,
    title: `${institution.name} · ${member}`,
    breadcrumbs: [{ href: `/${intl.locale}/`, label: t('home.title') }, { href: memberUrl, label: member }],
    children: (
      <>
        <h1 safe>{institution.name}</h1>
        <dl class="facts">
          <dt safe>{t('institution.member')}</dt><dd><a href={memberUrl} safe>{member}</a></dd>
          <dt safe>{t('institution.kind')}</dt><dd safe>{t(`institution.kind.${institution.kind}`)}</dd>
          {institution.abbreviation ? <><dt safe>{t('institution.field.abbreviation')}</dt><dd safe>{institution.abbreviation}</dd></> : ''}
          {formerNames.length > 0
            ? <><dt safe>{t('institution.formerNames')}</dt><dd safe>{intl.formatList(formerNames, { type: 'unit' }) as string}</dd></>
            : ''}
        </dl>
        <p><a href={`${here}/history`} safe>{t('institution.history.link')}</a></p>
        {may.manage ? <ManageLinks intl={intl} here={here} institution={institution} /> : ''}
        {formerCommitments.length > 0 ? <NoCommitmentsNow intl={intl} formerCommitments={formerCommitments} /> : ''}
        <section aria-labelledby="led">
          <h2 id="led" safe>{t('institution.leads', { count: led.length })}</h2>
          <CommitmentList intl={intl} member={member} commitments={led} />
          {led.length > 0
            ? <p><a href={`/${intl.locale}/commitments?lead=${institution.member.slug}:${institution.slug}`} safe>{t('institution.browseLed')}</a></p>
            : ''}
        </section>
        <section aria-labelledby="supported">
          <h2 id="supported" safe>{t('institution.supports', { count: supported.length })}</h2>
          <CommitmentList intl={intl} member={member} commitments={supported} />
        </section>
      </>
    ),
  });
}

function CommitmentList({ intl, member, commitments }: { intl: Intl; member: string; commitments: InstitutionCommitment[] }) {
  if (commitments.length === 0) return <p safe>{intl.t('common.none')}</p>;
  return (
    <ul class="commitment-list">
      {commitments.map((c) => (
        <li>
          <a href={`/${intl.locale}/commitments/${c.ogpId}`} lang={c.titleLocale} dir={textDir(c.titleLocale)} safe>{c.title}</a>{' '}
          <span class="muted" safe>{`(${c.ogpId}) · ${actionPlanTitle(intl, member, c.actionPlan)}`}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Only for an institution some commitment's history names: one that never had a commitment (a reviewing organisation
 * that a reporting round names) was not renamed away, and its page says plainly that it leads and supports none.
 */
function NoCommitmentsNow({ intl, formerCommitments }: { intl: Intl; formerCommitments: string[] }) {
  return (
    <>
      <p class="notice" safe>{intl.t('institution.noCommitmentsNow')}</p>
      <p safe>{intl.t('institution.formerCommitments')}</p>
      <ul>
        {formerCommitments.map((ogpId) => <li><a href={`/${intl.locale}/commitments/${ogpId}/history`} safe>{ogpId}</a></li>)}
      </ul>
    </>
  );
}

/** The secretariat's links: rename, merge into another institution, its point of contact. */
function ManageLinks({ intl, here, institution }: { intl: Intl; here: string; institution: InstitutionHead }) {
  return (
    <nav aria-label={intl.t('institution.manage.label')}>
      <ul>
        <li><a href={`${here}/rename`} safe>{intl.t('institution.rename.link')}</a></li>
        <li><a href={`${here}/merge`} safe>{intl.t('institution.merge.link')}</a></li>
        <li><a href={pointOfContactUrl(intl.locale, institution.slug, institution.member.slug)} safe>{intl.t('institution.manage.pointOfContact')}</a></li>
      </ul>
    </nav>
  );
}
