import type { Intl } from '../i18n/intl.ts';
import type { FormState } from '../http/form.ts';
import type { Role } from '../accounts/roles.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { ErrorSummary, formTitle, Notice, PostForm } from '../layout/form.tsx';
import type { RoundTarget } from './commands/round-target.ts';
import { byInstitution, coLeads, shownVerdict, type RoundMilestone } from './reporting.queries.ts';
import { formatDeadline } from './reporting-format.ts';
import { closeRoundUrl, reportingUrl, reportUrl, roundUrl, verdictUrl } from './reporting-urls.ts';
import { Checkbox, CoLeads, MilestoneName, statusLabel, VerdictBadge } from './reporting-view.tsx';

type View = {
  round: RoundTarget; plan: string; role: Role; institutionId: string | null; milestones: RoundMilestone[];
  closeForm: FormState; csrfToken: string; notice?: string | undefined;
};

export const closeLabels = (t: Intl['t']) => ({ confirm: t('reporting.close.confirm') });

/**
 * `/{locale}/reporting/rounds/{id}/workspace`: the progress of a round per responsible institution (reported, late,
 * missing, verdicts; a co-led milestone counts for each of its lead institutions and is listed under each), each
 * milestone with a link to its report form or verdict form for whoever may use it, and the administrator's close
 * form, which asks for a confirmation.
 */
export function roundWorkspacePage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const { round } = view;
  const title = t('reporting.roundOf', { label: round.label, plan: view.plan });
  const groups = byInstitution(view.milestones);
  return Layout({
    ...ctx,
    title: formTitle(intl, title, view.closeForm),
    breadcrumbs: [{ href: reportingUrl(intl.locale), label: t('reporting.title') }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        {/* A close sent on a round closed meanwhile (another administrator, a double submit): its refusal. */}
        {round.closedAt ? <ErrorSummary intl={intl} form={view.closeForm} labels={closeLabels(t)} /> : ''}
        <p safe>{round.closedAt
          ? t('reporting.state.closed', { date: formatDeadline(intl, round.closedAt) })
          : t('reporting.state.open', { date: formatDeadline(intl, round.deadline) })}</p>
        <p><a href={roundUrl(intl.locale, round.id)} safe>{t('reporting.public.link', { label: round.label })}</a></p>

        <section aria-labelledby="progress">
          <h2 id="progress" safe>{t('reporting.progress.heading')}</h2>
          <div class="table-wrap">
            <table class="stack">
              <caption class="visually-hidden" safe>{t('reporting.progress.heading')}</caption>
              <thead><tr>
                <th scope="col" safe>{t('reporting.institution')}</th>
                <th scope="col" safe>{t('reporting.progress.reported')}</th>
                <th scope="col" safe>{t('reporting.progress.late')}</th>
                <th scope="col" safe>{t('reporting.progress.missing')}</th>
                <th scope="col" safe>{t('reporting.verdict.confirmed')}</th>
                <th scope="col" safe>{t('reporting.verdict.disputed')}</th>
                <th scope="col" safe>{t('reporting.verdict.insufficient_evidence')}</th>
              </tr></thead>
              <tbody>
                {groups.map((g) => {
                  const reports = g.rows.flatMap((m) => (m.report ? [m.report] : []));
                  const shown = reports.map((r) => shownVerdict(r.verdicts));
                  return (
                    <tr>
                      <th scope="row" safe>{g.name ?? t('reporting.noInstitution')}</th>
                      <td data-label={t('reporting.progress.reported')} safe>{t('reporting.progress.ofTotal', { count: reports.length, total: g.rows.length })}</td>
                      <td data-label={t('reporting.progress.late')} safe>{String(reports.filter((r) => r.late).length)}</td>
                      <td data-label={t('reporting.progress.missing')} safe>{String(g.rows.length - reports.length)}</td>
                      <td data-label={t('reporting.verdict.confirmed')} safe>{String(shown.filter((v) => v === 'confirmed').length)}</td>
                      <td data-label={t('reporting.verdict.disputed')} safe>{String(shown.filter((v) => v === 'disputed').length)}</td>
                      <td data-label={t('reporting.verdict.insufficient_evidence')} safe>{String(shown.filter((v) => v === 'insufficient_evidence').length)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>

        {groups.map((g, index) => (
          <section aria-labelledby={`institution-${index}`}>
            <h2 id={`institution-${index}`} safe>{g.name ?? t('reporting.noInstitution')}</h2>
            <ul class="history">
              {g.rows.map((m) => <MilestoneItem intl={intl} view={view} m={m} group={g.name} />)}
            </ul>
          </section>
        ))}

        {view.role === 'administrator' && !round.closedAt ? (
          <section aria-labelledby="close">
            <h2 id="close" safe>{t('reporting.close.heading')}</h2>
            <p safe>{t('reporting.close.explain')}</p>
            <ErrorSummary intl={intl} form={view.closeForm} labels={closeLabels(t)} />
            <PostForm action={closeRoundUrl(intl.locale, round.id)} csrfToken={view.csrfToken} class="stack-form">
              <Checkbox intl={intl} form={view.closeForm} name="confirm" label={closeLabels(t).confirm} />
              <button type="submit" class="button" safe>{t('reporting.close.submit', { label: round.label })}</button>
            </PostForm>
          </section>
        ) : ''}
      </>
    ),
  });
}

function MilestoneItem({ intl, view, m, group }: { intl: Intl; view: View; m: RoundMilestone; group: string | null }) {
  const t = intl.t;
  const open = !view.round.closedAt;
  const mayReport = open && !m.withdrawn && (view.role === 'administrator'
    || (view.role === 'point_of_contact' && view.institutionId !== null && m.institutionIds.includes(view.institutionId)));
  const mayJudge = open && view.role === 'civil_society_reviewer' && m.report !== null;
  const report = m.report;
  return (
    <li>
      <MilestoneName intl={intl} m={m} />
      <CoLeads intl={intl} names={coLeads(m, group)} />
      <br />
      <span safe>{report
        ? t('reporting.item.status', { status: statusLabel(intl, report.status), percent: intl.formatNumber(report.percent / 100, { style: 'percent' }), revision: report.revision, evidence: report.evidenceCount })
        : t('reporting.status.missing')}</span>
      {report?.late ? <>{' '}<strong safe>{t('reporting.late')}</strong></> : ''}
      {report ? <>{' · '}<VerdictBadge intl={intl} verdict={shownVerdict(report.verdicts)} /></> : ''}
      <br />
      {mayReport ? <a href={reportUrl(intl.locale, view.round.id, m.id)} safe>{t(report ? 'reporting.action.revise' : 'reporting.action.report')}</a> : ''}
      {mayJudge ? <a href={verdictUrl(intl.locale, view.round.id, m.id)} safe>{t('reporting.action.verdict')}</a> : ''}
      {!mayReport && !mayJudge && report ? <a href={reportUrl(intl.locale, view.round.id, m.id)} safe>{t('reporting.action.read')}</a> : ''}
    </li>
  );
}
