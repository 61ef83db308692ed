import type { Intl } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { formatPartialDate, paragraphs } from '../layout/format.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { pickLocale } from '../commitments/commitment-detail.ts';
import { endDate, OtherLanguageNote } from '../commitments/commitment.page.tsx';
import { institutionPath } from '../institutions/institution-url.ts';
import { evidenceUrl } from '../evidence/evidence-url.ts';
import { formatFileSize } from '../evidence/file-size.ts';
import { roundUrl } from '../reporting/reporting-urls.ts';
import { formatDeadline } from '../reporting/reporting-format.ts';
import {
  latestReport, type PublicEvidence, type PublicMilestone, type PublicVerdict, type PublishedReport,
} from './milestone-reports.queries.ts';
import { milestoneApiReportsPath, milestoneHistoryUrl } from './milestone-urls.ts';
import { textDir } from '../i18n/text-direction.ts';

export type MilestonePageData = {
  milestone: PublicMilestone;
  /** Every closed round's entry for the milestone, oldest first. */
  reports: PublishedReport[];
  /** Evidence and verdicts of the latest published report. */
  evidence: PublicEvidence[];
  verdicts: PublicVerdict[];
};

/**
 * The public page of one milestone: its text and dates, the latest status its government published beside civil
 * society's verdict on it, that report's evidence, and its reports round by round. Only closed rounds appear.
 */
export function milestonePage(ctx: PageContext, { milestone: m, reports, evidence, verdicts }: MilestonePageData): string {
  const { intl } = ctx;
  const t = intl.t;
  const id = m.commitment.ogpId;
  const text = pickLocale(m.texts, intl.locale, m.commitment.sourceLocale);
  const title = pickLocale(m.commitment.titles, intl.locale, m.commitment.sourceLocale);
  const member = memberName(m.member, intl.locale);
  const memberUrl = `/${intl.locale}/members/${m.member.slug}`;
  const commitmentUrl = `/${intl.locale}/commitments/${id}`;
  const latest = latestReport(reports);
  const heading = t('milestonePage.title', { number: m.number, id });

  return Layout({
    ...ctx,
    title: heading,
    breadcrumbs: [
      { href: `/${intl.locale}/`, label: t('home.title') },
      { href: memberUrl, label: member },
      { href: `${memberUrl}/action-plans/${m.actionPlan.number}`, label: actionPlanTitle(intl, member, m.actionPlan) },
      { href: commitmentUrl, label: title ? `${title.value} (${id})` : id },
    ],
    children: (
      <>
        <p class="muted">
          <a href={commitmentUrl} lang={title?.locale} dir={textDir(title?.locale)} safe>{title ? `${title.value} (${id})` : id}</a>
        </p>
        <h1 safe>{heading}</h1>
        {text ? <p class="prose" lang={text.locale} dir={textDir(text.locale)} safe>{text.value}</p> : ''}
        {text && text.locale !== intl.locale ? <OtherLanguageNote intl={intl} textLocale={text.locale} /> : ''}
        <dl class="facts">
          <dt safe>{t('milestone.start')}</dt><dd safe>{formatPartialDate(intl, m.start)}</dd>
          <dt safe>{t('milestone.end')}</dt><dd safe>{endDate(intl, m.end, m.plannedEnd ?? undefined)}</dd>
        </dl>

        <section aria-labelledby="latest-status">
          <h2 id="latest-status" safe>{t('milestonePage.latestStatus')}</h2>
          {latest
            ? <LatestStatus intl={intl} report={latest} verdicts={verdicts} evidence={evidence} />
            : <p safe>{t('milestonePage.noReport')}</p>}
        </section>

        <section aria-labelledby="timeline">
          <h2 id="timeline" safe>{t('milestonePage.timeline')}</h2>
          {reports.length > 0 ? <Timeline intl={intl} reports={reports} /> : <p safe>{t('milestonePage.noRound')}</p>}
        </section>

        <ul class="muted">
          <li><a href={milestoneHistoryUrl(intl.locale, id, m.number)} safe>{t('milestonePage.historyLink')}</a></li>
          <li><a href={commitmentUrl} safe>{t('milestonePage.backToCommitment', { id })}</a></li>
          <li><a href={milestoneApiReportsPath(id, m.number)} safe>{t('milestonePage.asJson')}</a></li>
        </ul>
      </>
    ),
  });
}

const formatPercent = (intl: Intl, percent: number) => intl.formatNumber(percent / 100, { style: 'percent' });
const statusLabel = (intl: Intl, r: PublishedReport) => intl.t(`publicReport.status.${r.status ?? 'missing'}`);
const verdictLabel = (intl: Intl, verdict: string | null) => intl.t(`publicReport.verdict.${verdict ?? 'none'}`);

/** The government's claim and civil society's verdict side by side, then the evidence given with the claim. */
function LatestStatus({ intl, report: r, verdicts, evidence }: {
  intl: Intl; report: PublishedReport; verdicts: PublicVerdict[]; evidence: PublicEvidence[];
}) {
  const t = intl.t;
  return (
    <>
      <p class="muted" safe>{t('milestonePage.asReportedIn', { round: r.round.label, date: formatDeadline(intl, r.round.closedAt) })}</p>
      {r.verdict === 'disputed' ? <p class="note" safe>{t('milestonePage.disputedClaim')}</p> : ''}
      <ul class="cards">
        <li>
          <h3 safe>{t('milestonePage.governmentReport')}</h3>
          <dl class="facts">
            <dt safe>{t('publicReport.statusLabel')}</dt><dd safe>{statusLabel(intl, r)}</dd>
            <dt safe>{t('publicReport.percent')}</dt><dd safe>{formatPercent(intl, r.percentComplete ?? 0)}</dd>
            <dt safe>{t('publicReport.reportedBy')}</dt>
            <dd>{r.institution?.memberSlug
              ? <a href={institutionPath(intl.locale, r.institution.memberSlug, r.institution.slug)} safe>{r.institution.name}</a>
              : <span safe>{r.institution?.name ?? t('common.notGiven')}</span>}</dd>
            <dt safe>{t('publicReport.submitted')}</dt>
            <dd safe>{t(r.late ? 'publicReport.submittedLate' : 'publicReport.submittedOnTime', { date: formatDeadline(intl, r.submittedAt!) })}</dd>
          </dl>
          <div class="prose" lang={r.narrativeLocale ?? undefined} dir={textDir(r.narrativeLocale ?? undefined)}>{paragraphs(r.narrative).map((p) => <p safe>{p}</p>)}</div>
        </li>
        <li>
          <h3 safe>{t('milestonePage.civilSocietyVerdict')}</h3>
          <p><strong safe>{verdictLabel(intl, r.verdict)}</strong></p>
          {verdicts.map((v) => (
            <p>
              <span safe>{`${verdictLabel(intl, v.verdict)} · ${v.institution ?? t('milestonePage.aReviewer')}`}</span>
              {v.judgedRevision < (r.revision ?? 0) ? <span safe>{` (${t('milestonePage.earlierVersion')})`}</span> : ''}
              {v.comment ? <> — <q safe>{v.comment}</q></> : ''}
            </p>
          ))}
        </li>
      </ul>
      <h3 id="evidence" safe>{t('milestonePage.evidence')}</h3>
      {evidence.length > 0
        ? <ul aria-labelledby="evidence">{evidence.map((e) => <EvidenceItem intl={intl} item={e} />)}</ul>
        : <p safe>{t('milestonePage.noEvidence')}</p>}
    </>
  );
}

/** A file links to where it is served, a link to its address; a restricted item shows only its title and reason. */
function EvidenceItem({ intl, item: e }: { intl: Intl; item: PublicEvidence }) {
  const t = intl.t;
  if (e.restricted) {
    return <li><span safe>{e.title}</span> — <strong safe>{t('publicReport.restricted')}</strong> <span safe>{`(${e.restrictedReason ?? ''})`}</span></li>;
  }
  if (e.file) {
    return (
      <li>
        <a href={evidenceUrl(e.id)} safe>{e.title}</a>{' '}
        <span class="muted" safe>{`(${fileTypeLabel(e.file.mediaType)}, ${formatFileSize(intl, e.file.sizeBytes)})`}</span>
      </li>
    );
  }
  const link = e.link!;
  return (
    <li>
      <a href={link.url} rel="nofollow noopener noreferrer" safe>{e.title}</a>{' '}
      {link.fetchedAt ? (
        <span class="muted">
          <span safe>{t('milestonePage.linkFetched', { date: formatDeadline(intl, link.fetchedAt) })}</span>{' '}
          {link.sha256 ? <Checksum value={link.sha256} /> : ''}
        </span>
      ) : <span class="muted" safe>{t('milestonePage.linkNotFetched')}</span>}
    </li>
  );
}

/** A SHA-256 checksum, which may break every 8 digits so that it fits a phone's screen (copied, it stays whole). */
function Checksum({ value }: { value: string }) {
  return <code>{(value.match(/.{1,8}/g) ?? []).map((group, i) => <>{i > 0 ? <wbr /> : ''}<span safe>{group}</span></>)}</code>;
}

/** The reports of every closed round, oldest first; a round without a report says so. */
function Timeline({ intl, reports }: { intl: Intl; reports: PublishedReport[] }) {
  const t = intl.t;
  const columns = ['round', 'status', 'verdict', 'punctuality', 'evidence', 'narrative'] as const;
  const label = (c: (typeof columns)[number]) => t(`milestonePage.column.${c}`);
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption safe>{t('milestonePage.timelineCaption')}</caption>
        <thead><tr>{columns.map((c) => <th scope="col" safe>{label(c)}</th>)}</tr></thead>
        <tbody>
          {reports.map((r) => {
            // A round without a report has only its round and "No report".
            const given = r.reportId !== null;
            const status = given
              ? t('publicReport.statusWithPercent', { status: statusLabel(intl, r), percent: formatPercent(intl, r.percentComplete ?? 0) })
              : statusLabel(intl, r);
            const verdict = given ? verdictLabel(intl, r.verdict) : '';
            const punctuality = given ? t(r.late ? 'publicReport.late' : 'publicReport.onTime') : '';
            const evidence = given ? evidenceCount(intl, r) : '';
            return (
              <tr>
                <th scope="row" data-label={label('round')}><a href={roundUrl(intl.locale, r.round.id)} safe>{r.round.label}</a></th>
                <td data-label={label('status')} safe>{status}</td>
                <td data-label={label('verdict')} safe>{verdict}</td>
                <td data-label={label('punctuality')} safe>{punctuality}</td>
                <td data-label={label('evidence')} safe>{evidence}</td>
                <td data-label={label('narrative')} lang={r.narrativeLocale ?? undefined} dir={textDir(r.narrativeLocale ?? undefined)} safe>{r.narrative ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function evidenceCount(intl: Intl, r: PublishedReport): string {
  const restricted = r.evidenceCount - r.publicEvidenceCount;
  return restricted > 0
    ? intl.t('publicReport.evidenceCountRestricted', { count: r.evidenceCount, restricted })
    : intl.t('publicReport.evidenceCount', { count: r.evidenceCount });
}

/** The short name people know a file type by ("PDF", "DOCX"); the media type itself for anything unexpected. */
const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT', 'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/vnd.oasis.opendocument.presentation': 'ODP', 'text/csv': 'CSV', 'text/plain': 'TXT',
};
export const fileTypeLabel = (mediaType: string): string => FILE_TYPES[mediaType] ?? mediaType;
