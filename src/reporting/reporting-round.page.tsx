import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import type { RoundTarget } from './commands/round-target.ts';
import { byInstitution, coLeads } from './reporting.queries.ts';
import { movement, type PreviousRound, type SnapshotRow } from './round-snapshot.queries.ts';
import { formatDeadline } from './reporting-format.ts';
import { roundUrl } from './reporting-urls.ts';
import { CoLeads, MilestoneName, statusLabel, VerdictBadge } from './reporting-view.tsx';

type View = {
  round: RoundTarget; plan: { title: string; href: string };
  /** An open round: only how far it has come. */
  progress?: { reported: number; total: number } | undefined;
  /** A closed round: its published snapshot, compared with the previous closed round. */
  snapshot?: { rows: SnapshotRow[]; previous: PreviousRound | null } | undefined;
};

/**
 * `/{locale}/reporting/rounds/{id}`, public. A closed round shows its published snapshot ("as reported in 2021 Q3"):
 * per responsible institution (a co-led milestone under each of its institutions, naming the others), each
 * milestone's status as the government reported it beside civil society's verdict, the evidence counts, late and
 * missing reports, and how each milestone moved since the previous closed round of the plan. An open round shows only its deadline and how many milestones have been reported so far.
 */
export function reportingRoundPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const { round } = view;
  const title = t(round.closedAt ? 'reporting.public.title' : 'reporting.public.openTitle', { label: round.label });
  return Layout({
    ...ctx,
    title: `${title} · ${view.plan.title}`,
    breadcrumbs: [{ href: view.plan.href, label: view.plan.title }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <p safe>{view.plan.title}</p>
        {view.snapshot ? <Snapshot intl={intl} round={round} snapshot={view.snapshot} /> : (
          <>
            <p safe>{t('reporting.state.open', { date: formatDeadline(intl, round.deadline) })}</p>
            <p safe>{t('reporting.progress.count', { reported: view.progress?.reported ?? 0, total: view.progress?.total ?? 0 })}</p>
            <p safe>{t('reporting.public.openExplain')}</p>
          </>
        )}
      </>
    ),
  });
}

function Snapshot({ intl, round, snapshot }: { intl: Intl; round: RoundTarget; snapshot: NonNullable<View['snapshot']> }) {
  const t = intl.t;
  // Institutions in alphabetical order, the milestones naming none last.
  const groups = byInstitution(snapshot.rows)
    .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, intl.locale)));
  const percent = (n: number | null) => (n === null ? '' : intl.formatNumber(n / 100, { style: 'percent' }));
  return (
    <>
      <p safe>{t('reporting.public.asReported', { label: round.label, date: formatDeadline(intl, round.closedAt!), deadline: formatDeadline(intl, round.deadline) })}</p>
      <p safe>{snapshot.previous
        ? t('reporting.public.comparedWith', { label: snapshot.previous.label })
        : t('reporting.public.firstRound')}</p>
      {snapshot.previous ? <p><a href={roundUrl(intl.locale, snapshot.previous.id)} safe>{t('reporting.public.link', { label: snapshot.previous.label })}</a></p> : ''}
      {groups.map((g, index) => {
        const late = g.rows.filter((r) => r.late);
        const missing = g.rows.filter((r) => r.status === null);
        return (
          <section aria-labelledby={`institution-${index}`}>
            <h2 id={`institution-${index}`} safe>{g.name ?? t('reporting.noInstitution')}</h2>
            <p safe>{t('reporting.public.institutionSummary', { reported: g.rows.length - missing.length, total: g.rows.length, late: late.length, missing: missing.length })}</p>
            <div class="table-wrap">
              <table class="stack">
                <caption class="visually-hidden" safe>{t('reporting.public.tableCaption', { institution: g.name ?? t('reporting.noInstitution') })}</caption>
                <thead><tr>
                  <th scope="col" safe>{t('reporting.milestone')}</th>
                  <th scope="col" safe>{t('reporting.public.government')}</th>
                  <th scope="col" safe>{t('reporting.public.civilSociety')}</th>
                  <th scope="col" safe>{t('reporting.evidence.heading')}</th>
                  {snapshot.previous ? <th scope="col" safe>{t('reporting.public.sinceLast')}</th> : ''}
                </tr></thead>
                <tbody>
                  {g.rows.map((r) => {
                    const move = movement(r);
                    return (
                      <tr class={r.verdict === 'disputed' ? 'disputed' : undefined}>
                        <th scope="row"><a href={`/${intl.locale}/commitments/${r.ogpId}`}><MilestoneName intl={intl} m={r} /></a><CoLeads intl={intl} names={coLeads(r, g.name)} /></th>
                        <td data-label={t('reporting.public.government')}>
                          <span safe>{r.status ? `${statusLabel(intl, r.status)} (${percent(r.percent)})` : statusLabel(intl, null)}</span>
                          {r.late ? <>{' '}<strong safe>{t('reporting.late')}</strong></> : ''}
                        </td>
                        <td data-label={t('reporting.public.civilSociety')}>
                          {r.status ? <VerdictBadge intl={intl} verdict={r.verdict} /> : ''}
                          {r.verdict ? <>{' '}<span class="muted" safe>{t('reporting.public.verdictCounts', { confirmed: r.confirmed, disputed: r.disputed, insufficient: r.insufficient })}</span></> : ''}
                        </td>
                        <td data-label={t('reporting.evidence.heading')} safe>{t('reporting.public.evidenceCount', { count: r.evidenceCount, public: r.publicEvidenceCount })}</td>
                        {snapshot.previous ? <td data-label={t('reporting.public.sinceLast')} safe>{t(move ? `reporting.movement.${move}` : 'common.none')}</td> : ''}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {late.length > 0 ? <><h3 safe>{t('reporting.public.lateHeading')}</h3><ul>{late.map((r) => <li><MilestoneName intl={intl} m={r} /></li>)}</ul></> : ''}
            {missing.length > 0 ? <><h3 safe>{t('reporting.public.missingHeading')}</h3><ul>{missing.map((r) => <li><MilestoneName intl={intl} m={r} /></li>)}</ul></> : ''}
          </section>
        );
      })}
    </>
  );
}
