import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { textDir } from '../i18n/text-direction.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { formatInstant, formatPartialDate } from '../layout/format.ts';
import { Notice, PostForm } from '../layout/form.tsx';
import type { PartialDateView } from './commitment-detail.ts';
import type { ChangeView, CommitmentChangeView } from './commitment-history.queries.ts';
import { IRM_INDICATOR_KEYS } from '../irm/indicators.ts';
import { answerText } from '../irm/irm-review.view.tsx';
import { restorable } from './commands/restore-commitment-version.ts';

type View = {
  ogpId: string; title: string; changes: CommitmentChangeView[];
  /** What each entry adds to its diff (report entries: see commitment-history-report.ts). */
  detail?: ((change: CommitmentChangeView) => EntryDetail | undefined) | undefined;
  /** Set for administrators: each commitment entry gets a "restore this version" button. */
  restore?: { action: string; csrfToken: string } | undefined;
  notice?: string | undefined;
  /** Set for those who may edit the commitment. */
  editUrl?: string | undefined;
  labels?: DiffLabels | undefined;
};

/** `beforeLang`/`afterLang`: the language of a text's value, for its cell (not set on "not given"). */
export type DiffRow = { field: string; before: string; after: string; beforeLang?: string; afterLang?: string };
/** Names the history page looks up for stored keys (policy areas by key, report institutions by id), shown by label. */
export type DiffLabels = { policyArea?: (key: string) => string; institution?: (id: string) => string };

const TEXT_LABELS: Record<string, string> = {
  title: 'edit.field.title', description: 'commitment.description', objectives: 'commitment.objectives',
  statusQuo: 'commitment.statusQuo', ambition: 'commitment.ambition',
};

/** How one stored field is shown: its label's key, and how a value reads (as stored when not said). */
type Field = { label: string; value?: (intl: Intl, value: unknown, labels: DiffLabels) => string };

const translated = (prefix: string): Field['value'] => (intl, value) => intl.t(`${prefix}.${String(value)}`);
/** A date read (`{date, precision}`), or one an import could not read, shown in the source's words (`{raw}`). */
const partialDate: Field['value'] = (intl, value) => {
  const d = value as { date: string; precision: PartialDateView['precision'] } | { raw: string };
  return 'raw' in d ? d.raw : formatPartialDate(intl, { date: d.date, precision: d.precision, raw: null });
};
const DATES = { start: { label: 'milestone.start', value: partialDate }, end: { label: 'milestone.end', value: partialDate } };

/**
 * The fields each kind of entry stores, with their labels: a name means what its entry is about (`status` is a
 * commitment's status, `reportStatus` a milestone report's), never a guess shared across kinds. Fields not listed
 * (`recordHash`, `verdictId`, `round`, …) are bookkeeping or said elsewhere in the entry.
 */
const FIELDS: Record<ChangeView['entityType'], Record<string, Field>> = {
  commitment: {
    ogpId: { label: 'commitment.field.ogpId' }, numberInPlan: { label: 'commitment.numberInPlan' },
    status: { label: 'commitment.status', value: translated('commitment.status') },
    ...DATES,
    leadInstitution: { label: 'commitment.field.leadInstitution' }, supportingInstitutions: { label: 'commitment.field.supportingInstitutions' },
    policyAreas: { label: 'commitment.policyAreas', value: (_intl, value, labels) => labels.policyArea?.(String(value)) ?? String(value) },
  },
  milestone: {
    declaredStatus: { label: 'milestone.declaredStatus', value: translated('milestone.declaredStatus') },
    ...DATES, plannedEnd: { label: 'history.plannedEnd', value: partialDate },
  },
  action_plan: {
    number: { label: 'actionPlan.number' }, submissionYear: { label: 'actionPlan.field.submissionYear' },
    startYear: { label: 'actionPlan.field.startYear' }, endYear: { label: 'actionPlan.field.endYear' },
  },
  reporting_round: {},
  // A report's submissions and its verdicts (decision 013).
  milestone_report: {
    reportStatus: { label: 'publicReport.statusLabel', value: translated('reporting.status') },
    percentComplete: { label: 'publicReport.percent', value: (intl, value) => intl.formatNumber(Number(value) / 100, { style: 'percent' }) },
    narrative: { label: 'reporting.field.narrative' },
    narrativeLocale: { label: 'reporting.field.lang', value: (intl, value) => languageName(String(value), intl.locale) },
    institutionId: { label: 'reporting.field.institution', value: (_intl, value, labels) => labels.institution?.(String(value)) ?? String(value) },
    revision: { label: 'history.report.revision', value: (intl, value) => intl.formatNumber(Number(value)) },
    verdict: { label: 'milestonePage.civilSocietyVerdict', value: translated('reporting.verdict') },
    comment: { label: 'reporting.field.comment' },
    reportRevision: { label: 'history.report.judgedRevision', value: (intl, value) => intl.formatNumber(Number(value)) },
  },
  // An IRM assessment recorded or revised in the workspace (irm/commands/record-irm-review.ts); the entry's summary
  // names its report (irm/irm-review-history.ts).
  irm_review: {
    ...Object.fromEntries(IRM_INDICATOR_KEYS.map((indicator) => [indicator, {
      label: `irm.indicator.${indicator}`, value: (intl: Intl, value: unknown) => answerText(intl, indicator, String(value)),
    }])),
    justification: { label: 'irmAssessment.field.justification' },
  },
  // An institution renamed (its own entry), or merged: into it (its own entry, summed up by its history page) and on
  // each commitment the merge touched, the institutions the commitment names before and after.
  institution: {
    name: { label: 'institution.field.name' }, abbreviation: { label: 'institution.field.abbreviation' },
    leadInstitution: { label: 'commitment.field.leadInstitution' }, supportingInstitutions: { label: 'commitment.field.supportingInstitutions' },
  },
  // Publications have their history on their own edit page (publications/publication-history.view.tsx), never here.
  publication: {},
  evidence_item: {
    restricted: { label: 'publicReport.restricted', value: (intl, value) => intl.t(value === true ? 'common.yes' : 'common.no') },
  },
};

/** A stored value as a reader reads it: through its field's reading, lists joined, nothing as "not given". */
function show(intl: Intl, field: Field | undefined, value: unknown, labels: DiffLabels): string {
  if (value === null || value === undefined || value === '') return intl.t('common.notGiven');
  if (Array.isArray(value)) return value.length === 0 ? intl.t('common.notGiven') : intl.formatList(value.map((v) => show(intl, field, v, labels)), { type: 'unit' }) as string;
  return field?.value ? field.value(intl, value, labels) : String(value);
}

/** The field-by-field diff of a change: one row per field whose value differs between `before` and `after`. */
export function diffRows(intl: Intl, change: Pick<ChangeView, 'before' | 'after' | 'entityType'>, labels: DiffLabels = {}): DiffRow[] {
  const t = intl.t;
  const rows: DiffRow[] = [];
  for (const [key, field] of Object.entries(FIELDS[change.entityType])) {
    if (!(key in change.after) && !(key in change.before)) continue;
    const before = show(intl, field, change.before[key], labels);
    const after = show(intl, field, key in change.after ? change.after[key] : change.before[key], labels);
    if (before !== after) rows.push({ field: t(field.label), before, after });
  }
  const beforeTexts = (change.before.texts ?? {}) as Record<string, unknown>;
  const afterTexts = (change.after.texts ?? {}) as Record<string, unknown>;
  for (const locale of Object.keys(afterTexts)) {
    const language = languageName(locale, intl.locale);
    const b = beforeTexts[locale];
    const a = afterTexts[locale];
    const textRow = (label: string, before: unknown, after: unknown) => {
      const row: DiffRow = { field: t('history.inLanguage', { field: t(label), language }), before: show(intl, undefined, before, labels), after: show(intl, undefined, after, labels) };
      if (row.before === row.after) return;
      if (typeof before === 'string' && before !== '') row.beforeLang = locale;
      if (typeof after === 'string' && after !== '') row.afterLang = locale;
      rows.push(row);
    };
    if (change.entityType === 'milestone') {
      textRow('milestone.text', b, a);
      continue;
    }
    for (const [field, label] of Object.entries(TEXT_LABELS)) {
      textRow(label, (b as Record<string, unknown> | null)?.[field], (a as Record<string, unknown> | null)?.[field]);
    }
  }
  return rows;
}

/** `/{locale}/commitments/{id}/history`: every recorded change of the commitment and its milestones, newest first. */
export function commitmentHistoryPage(ctx: PageContext, view: View): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = t('history.title', { id: view.ogpId });
  return Layout({
    ...ctx,
    title,
    breadcrumbs: [{ href: `/${intl.locale}/commitments/${view.ogpId}`, label: view.title }],
    children: (
      <>
        <h1 safe>{title}</h1>
        <Notice text={view.notice} />
        <p><a href={`/${intl.locale}/commitments/${view.ogpId}`} safe>{t('history.backToCommitment')}</a></p>
        {view.editUrl ? <p><a href={view.editUrl} safe>{t('edit.commitment.link')}</a></p> : ''}
        {view.changes.length === 0 ? <p safe>{t('history.none')}</p>
          : <HistoryList intl={intl} changes={view.changes} labels={view.labels} restore={view.restore} detail={view.detail} withMilestoneNumbers />}
      </>
    ),
  });
}

/**
 * What a history tab adds to an entry: a sentence on what the change did (when its fields do not say it), a link
 * (to the page that shows the change in full, in place of its before/after table, unless `rows` are given), the rows
 * to show instead of the entry's own diff, who to name instead of the person, and whether its reason may be shown.
 */
export type EntryDetail = {
  summary?: string | undefined; link?: { href: string; label: string } | undefined; rows?: DiffRow[] | undefined;
  who?: string | undefined; hideReason?: boolean | undefined;
};

/**
 * A list of recorded changes, newest first: what was done (with the milestone's number on a commitment's tab), who
 * did it for which institution, when (in UTC, said), why, and a field-by-field before/after table. With `restore`,
 * each commitment edit gets a "restore the version before this change" button (a creation has no version before it).
 */
export function HistoryList<C extends ChangeView>({ intl, changes, labels, restore, withMilestoneNumbers, detail }: {
  intl: Intl; changes: C[]; labels?: DiffLabels | undefined; restore?: View['restore']; withMilestoneNumbers?: boolean;
  detail?: ((change: C) => EntryDetail | undefined) | undefined;
}) {
  const t = intl.t;
  return (
    <ol class="history">
      {changes.map((c) => {
        const extra = detail?.(c);
        const who = extra?.who ?? (c.actorName
          ? (c.institutionName ? t('history.whoWithInstitution', { name: c.actorName, institution: c.institutionName }) : c.actorName)
          : t('admin.event.system'));
        const what = c.milestoneNumber !== null && withMilestoneNumbers
          ? t('history.onMilestone', { command: t(`history.command.${c.command}`), number: c.milestoneNumber })
          : t(`history.command.${c.command}`);
        const rows = extra?.rows ?? (extra?.link ? [] : diffRows(intl, c, labels));
        const when = formatInstant(intl, c.occurredAt);
        return (
          <li id={`change-${c.id}`}>
            <h2><span safe>{what}</span></h2>
            <p>
              <span safe>{who}</span>{', '}
              <time datetime={c.occurredAt.toISOString()} safe>{when}</time>
            </p>
            {extra?.summary ? <p safe>{extra.summary}</p> : ''}
            {c.reason && !extra?.hideReason ? <p><strong safe>{t('common.labelColon', { label: t('edit.reason') })}</strong>{' '}<span safe>{c.reason}</span></p> : ''}
            {rows.length > 0 ? (
              <div class="table-wrap">
                <table class="stack diff">
                  <caption class="visually-hidden" safe>{t('history.diffCaption')}</caption>
                  <thead><tr>
                    <th scope="col" safe>{t('history.field')}</th>
                    <th scope="col" safe>{t('history.before')}</th>
                    <th scope="col" safe>{t('history.after')}</th>
                  </tr></thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr>
                        <th scope="row" data-label={t('history.field')} safe>{r.field}</th>
                        <td data-label={t('history.before')}><del lang={r.beforeLang} dir={textDir(r.beforeLang)} safe>{r.before}</del></td>
                        <td data-label={t('history.after')}><ins lang={r.afterLang} dir={textDir(r.afterLang)} safe>{r.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : ''}
            {extra?.link ? <p><a href={extra.link.href} safe>{extra.link.label}</a></p> : ''}
            {restore && c.entityType === 'commitment' && restorable(c.before) ? (
              <PostForm action={restore.action} csrfToken={restore.csrfToken}>
                <input type="hidden" name="change" value={c.id} />
                <button type="submit" class="button secondary" aria-describedby={`change-${c.id}-what`} safe>{t('history.restore')}</button>
                <span id={`change-${c.id}-what`} class="visually-hidden" safe>{`${what}, ${when}`}</span>
              </PostForm>
            ) : ''}
          </li>
        );
      })}
    </ol>
  );
}
