import type { Intl } from '../i18n/intl.ts';
import type { Role } from '../accounts/roles.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { Notice } from '../layout/form.tsx';
import type { RoundMilestone, RoundSummary } from './reporting.queries.ts';
import { formatDeadline } from './reporting-format.ts';
import { newRoundUrl, reportUrl, roundUrl, roundWorkspaceUrl, verdictUrl } from './reporting-urls.ts';
import { MilestoneName, responsibleLine, statusLabel } from './reporting-view.tsx';

export type WorkspaceRound = RoundSummary & { plan: string; items: RoundMilestone[] };

/**
 * `/{locale}/reporting`: the rounds the signed-in person deals with. Administrators see every round and may open
 * one; a point of contact, the open rounds of their plans with the milestones to report (those of every commitment
 * their institution leads or supports, co-led ones naming all their lead institutions); a reviewer, the open rounds
 * with the reports awaiting their verdict; an IRM researcher, every round, to read.
 */
export function reportingWorkspacePage(ctx: PageContext, view: { role: Role; rounds: WorkspaceRound[]; notice?: string | undefined }): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = t('reporting.title');
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [{ href: `/${intl.locale}/account`, label: t('account.title') }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p safe>{t(`reporting.intro.${view.role}`)}</p>
        {view.role === 'administrator' ? <p><a class="button" href={newRoundUrl(intl.locale)} safe>{t('reporting.open.title')}</a></p> : ''}
        {view.rounds.length === 0 ? <p safe>{t(`reporting.none.${view.role}`)}</p> : view.rounds.map((round) => (
          <section aria-labelledby={`round-${round.id}`} class="review">
            <h2 id={`round-${round.id}`} safe>{t('reporting.roundOf', { label: round.label, plan: round.plan })}</h2>
            <p safe>{round.closedAt
              ? t('reporting.state.closed', { date: formatDeadline(intl, round.closedAt) })
              : t('reporting.state.open', { date: formatDeadline(intl, round.deadline) })}</p>
            <p safe>{t(round.closedAt ? 'reporting.progress.final' : 'reporting.progress.count', { reported: round.reportedCount, total: round.milestoneCount })}</p>
            <ul>
              <li><a href={roundWorkspaceUrl(intl.locale, round.id)} safe>{t('reporting.workspace.link', { label: round.label })}</a></li>
              <li><a href={roundUrl(intl.locale, round.id)} safe>{t('reporting.public.link', { label: round.label })}</a></li>
            </ul>
            {view.role === 'point_of_contact' || view.role === 'civil_society_reviewer'
              ? <ItemList intl={intl} round={round} kind={view.role === 'point_of_contact' ? 'report' : 'verdict'} /> : ''}
          </section>
        ))}
      </>
    ),
  });
}

function ItemList({ intl, round, kind }: { intl: Intl; round: WorkspaceRound; kind: 'report' | 'verdict' }) {
  const t = intl.t;
  const heading = t(kind === 'report' ? 'reporting.yourMilestones' : 'reporting.awaitingVerdict');
  const url = kind === 'report' ? reportUrl : verdictUrl;
  return (
    <>
      <h3 safe>{heading}</h3>
      {round.items.length === 0 ? <p safe>{t(kind === 'report' ? 'reporting.yourMilestones.none' : 'reporting.awaitingVerdict.none')}</p> : (
        <ul>
          {round.items.map((m) => (
            <li>
              <a href={url(intl.locale, round.id, m.id)}><MilestoneName intl={intl} m={m} /></a>{' '}
              <span class="muted" safe>{m.report
                ? t('reporting.item.reported', { status: statusLabel(intl, m.report.status), revision: m.report.revision })
                : t('reporting.item.notReported')}</span>
              {m.responsible.length > 1 ? <><br /><span class="muted" safe>{responsibleLine(intl, m.responsible)}</span></> : ''}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
