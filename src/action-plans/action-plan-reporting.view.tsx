import type { Intl } from '../i18n/intl.ts';
import { institutionPath } from '../institutions/institution-url.ts';
import { roundUrl } from '../reporting/reporting-urls.ts';
import { formatDeadline } from '../reporting/reporting-format.ts';
import { share, type ClosedRound, type InstitutionReporting } from './action-plan-reporting.queries.ts';

export type PlanReporting = { rounds: ClosedRound[]; institutions: InstitutionReporting[] };

/**
 * The plan's "Reporting" section: its closed rounds, and per institution how punctually it reported, how many of
 * its claims came with evidence, and what civil society made of its reports, over all those rounds.
 */
export function PlanReportingSection({ intl, reporting: { rounds, institutions } }: { intl: Intl; reporting: PlanReporting }) {
  const t = intl.t;
  return (
    <section aria-labelledby="reporting">
      <h2 id="reporting" safe>{t('planReporting.title')}</h2>
      {rounds.length === 0 ? <p safe>{t('planReporting.noRound')}</p> : (
        <>
          <h3 id="closed-rounds" safe>{t('planReporting.closedRounds')}</h3>
          <ul aria-labelledby="closed-rounds">
            {rounds.map((r) => (
              <li>
                <a href={roundUrl(intl.locale, r.id)} safe>{r.label}</a>{' '}
                <span class="muted" safe>{t('planReporting.closedOn', { date: formatDeadline(intl, r.closedAt) })}</span>
              </li>
            ))}
          </ul>
          <p safe>{t('planReporting.explain', { rounds: rounds.length })}</p>
          <InstitutionTable intl={intl} institutions={institutions} />
        </>
      )}
    </section>
  );
}

const COLUMNS = ['institution', 'punctuality', 'late', 'missing', 'coverage', 'confirmed', 'disputed', 'insufficientEvidence', 'notVerified'] as const;

function InstitutionTable({ intl, institutions }: { intl: Intl; institutions: InstitutionReporting[] }) {
  const t = intl.t;
  const label = (c: (typeof COLUMNS)[number]) => t(`planReporting.column.${c}`);
  const number = (n: number) => intl.formatNumber(n);
  const ratio = (part: number, whole: number, key: string) => {
    const value = share(part, whole);
    return value === null ? t(`${key}.none`) : t(key, { share: intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 }), part, whole });
  };
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption safe>{t('planReporting.caption')}</caption>
        <thead><tr>{COLUMNS.map((c) => <th scope="col" safe>{label(c)}</th>)}</tr></thead>
        <tbody>
          {institutions.map((i) => (
            <tr>
              <th scope="row" data-label={label('institution')}>
                {i.institution?.memberSlug
                  ? <a href={institutionPath(intl.locale, i.institution.memberSlug, i.institution.slug)} safe>{i.institution.name}</a>
                  : <span safe>{i.institution?.name ?? t('planReporting.noInstitution')}</span>}
              </th>
              <td data-label={label('punctuality')} safe>{ratio(i.onTime, i.due, 'planReporting.punctualityValue')}</td>
              <td data-label={label('late')} safe>{number(i.late)}</td>
              <td data-label={label('missing')} safe>{number(i.missing)}</td>
              <td data-label={label('coverage')} safe>{ratio(i.claimsWithEvidence, i.claims, 'planReporting.coverageValue')}</td>
              <td data-label={label('confirmed')} safe>{number(i.confirmed)}</td>
              <td data-label={label('disputed')} safe>{number(i.disputed)}</td>
              <td data-label={label('insufficientEvidence')} safe>{number(i.insufficientEvidence)}</td>
              <td data-label={label('notVerified')} safe>{number(i.notVerified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
