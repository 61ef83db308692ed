import type { Intl } from '../i18n/intl.ts';
import type { FormState } from '../http/form.ts';
import type { MilestoneReportStatus, Verdict } from '../db/schema.ts';
import { errorMessage, fieldId } from '../layout/form.tsx';
import { formatInstant, paragraphs } from '../layout/format.ts';
import { evidenceUrl } from '../evidence/evidence-url.ts';
import { linkErrorMessage } from '../evidence/link-check.ts';
import type { EvidenceView, ReportDetail } from './milestone-report.queries.ts';
import { textDir } from '../i18n/text-direction.ts';

/** Pieces shared by the reporting pages: names of milestones, statuses and verdicts, a report with its evidence. */

export const statusLabel = (intl: Intl, status: MilestoneReportStatus | null) =>
  intl.t(status ? `reporting.status.${status}` : 'reporting.status.missing');
export const verdictLabel = (intl: Intl, verdict: Verdict | null) =>
  intl.t(verdict ? `reporting.verdict.${verdict}` : 'reporting.verdict.none');

/** "KE0031, milestone 1: Write a guidance note…", the text marked with its language when it is another one. */
export function MilestoneName({ intl, m }: { intl: Intl; m: { ogpId: string; number: number; text: string | null; textLocale: string | null } }) {
  const name = intl.t('reporting.milestoneOf', { id: m.ogpId, number: m.number });
  if (!m.text) return <span safe>{name}</span>;
  return (
    <>
      <span safe>{intl.t('common.labelColon', { label: name })}</span>{' '}
      <span lang={m.textLocale && m.textLocale !== intl.locale ? m.textLocale : undefined} dir={textDir(m.textLocale ?? undefined)} safe>{m.text}</span>
    </>
  );
}

/** "Responsible: A and B", every institution answering for a milestone, in order. */
export const responsibleLine = (intl: Intl, responsible: readonly { name: string }[]) =>
  intl.t('reporting.responsibleInstitutions', { institutions: intl.conjunction.format(responsible.map((i) => i.name)) });

/**
 * Under the group of one responsible institution, the others that co-lead the milestone ("Co-led with …"): each
 * answers for it too (decision 013, amended), and the reader sees the milestone is not this institution's alone.
 */
export function CoLeads({ intl, names }: { intl: Intl; names: string[] }) {
  if (names.length === 0) return '';
  return <><br /><span class="muted" safe>{intl.t('reporting.coLedWith', { institutions: intl.conjunction.format(names) })}</span></>;
}

/** A shown verdict, with "disputed" visibly marked (not by colour alone: the word is there too). */
export function VerdictBadge({ intl, verdict }: { intl: Intl; verdict: Verdict | null }) {
  return <span class={verdict === 'disputed' ? 'verdict verdict-disputed' : 'verdict'} safe>{verdictLabel(intl, verdict)}</span>;
}

/** A single checkbox with its label after it, its hint and error tied to it. */
export function Checkbox({ intl, form, name, label, hint }: { intl: Intl; form: FormState; name: string; label: string; hint?: string }) {
  const error = form.errors[name];
  const described = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      {error ? <p id={`${fieldId(name)}-error`} class="field-error" safe>{errorMessage(intl, error, label)}</p> : ''}
      <div class="checkbox">
        <input type="checkbox" id={fieldId(name)} name={name} value="yes" checked={form.values[name] === 'yes'} aria-describedby={described} />
        <label for={fieldId(name)} safe>{label}</label>
      </div>
      {hint ? <p id={`${fieldId(name)}-hint`} class="hint" safe>{hint}</p> : ''}
    </div>
  );
}

/** When a link was fetched, why it could not be, or that nobody checked it (evidence written before checks, the demo). */
function linkState(intl: Intl, e: EvidenceView): string {
  if (e.linkFetchedAt) return intl.t('reporting.evidence.linkChecked', { date: formatInstant(intl, e.linkFetchedAt) });
  if (!e.linkError) return intl.t('reporting.evidence.linkNotChecked');
  const reason = linkErrorMessage(e.linkError);
  return intl.t('reporting.evidence.linkUnreachable', { error: intl.t(reason.key, reason.values) });
}

/** The evidence of a report; `restrictHref` adds, to each public item, the link to restrict it (its reporters). */
export function EvidenceList({ intl, items, restrictHref }: { intl: Intl; items: EvidenceView[]; restrictHref?: ((itemId: string) => string) | undefined }) {
  const t = intl.t;
  if (items.length === 0) return <p safe>{t('reporting.evidence.none')}</p>;
  return (
    <ul class="evidence-list">
      {items.map((e) => (
        <li>
          {e.kind === 'file'
            ? <><a href={evidenceUrl(e.id)} safe>{e.title}</a> <span class="muted" safe>{t('reporting.evidence.file', { name: e.fileName ?? '' })}</span></>
            : <><a href={e.url ?? '#'} rel="noopener noreferrer nofollow" safe>{e.title}</a>{' '}
              <span class="muted" safe>{linkState(intl, e)}</span></>}
          {e.restricted ? <p class="note" safe>{t('reporting.evidence.restricted', { reason: e.restrictedReason ?? '' })}</p>
            : restrictHref ? <>{' '}<a href={restrictHref(e.id)} safe>{t('reporting.restrict.link', { title: e.title })}</a></> : ''}
        </li>
      ))}
    </ul>
  );
}

/** The current version of a report: what the government says, with its evidence. */
export function ReportSummary({ intl, report, headingId, restrictHref }: {
  intl: Intl; report: ReportDetail; headingId: string; restrictHref?: ((itemId: string) => string) | undefined;
}) {
  const t = intl.t;
  return (
    <section aria-labelledby={headingId} class="review">
      <h2 id={headingId} safe>{t('reporting.report.current', { revision: report.revision })}</h2>
      <dl class="facts">
        <dt safe>{t('reporting.field.status')}</dt><dd safe>{statusLabel(intl, report.status)}</dd>
        <dt safe>{t('reporting.field.percent')}</dt><dd safe>{intl.formatNumber(report.percent / 100, { style: 'percent' })}</dd>
        <dt safe>{t('reporting.report.by')}</dt>
        <dd safe>{report.submittedBy ? t('reporting.report.byPerson', { institution: report.institutionName, person: report.submittedBy }) : report.institutionName}</dd>
        <dt safe>{t('reporting.report.submittedAt')}</dt><dd safe>{formatInstant(intl, report.submittedAt)}</dd>
      </dl>
      <h3 safe>{t('reporting.field.narrative')}</h3>
      <div lang={report.narrativeLocale} dir={textDir(report.narrativeLocale)}>{paragraphs(report.narrative).map((p) => <p safe>{p}</p>)}</div>
      <h3 safe>{t('reporting.evidence.heading')}</h3>
      <EvidenceList intl={intl} items={report.evidence} restrictHref={restrictHref} />
    </section>
  );
}
