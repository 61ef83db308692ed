import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { formatPartialDate } from '../layout/format.ts';
import { Notice, PostForm } from '../layout/form.tsx';
import { formatInstant } from '../reporting/reporting-format.ts';
import type { PartialDateView } from './commitment-detail.ts';
import type { ChangeView } from './commitment-history.queries.ts';

type View = {
  ogpId: string; title: string; changes: ChangeView[];
  /** Set for administrators: each commitment entry gets a "restore this version" button. */
  restore?: { action: string; csrfToken: string } | undefined;
  notice?: string | undefined;
  /** Set for those who may edit the commitment. */
  editUrl?: string | undefined;
  labels?: DiffLabels | undefined;
};

type DiffRow = { field: string; before: string; after: string };
/** Names the history page looks up for stored keys (policy areas are stored by key, shown by label). */
export type DiffLabels = { policyArea?: (key: string) => string };

const TEXT_LABELS: Record<string, string> = {
  title: 'edit.field.title', description: 'commitment.description', objectives: 'commitment.objectives',
  statusQuo: 'commitment.statusQuo', ambition: 'commitment.ambition',
};

/** A stored value as a reader reads it: statuses translated, dates with their precision, nothing as "not given". */
function show(intl: Intl, key: string, value: unknown, labels: DiffLabels = {}): string {
  if (value === null || value === undefined || value === '') return intl.t('common.notGiven');
  if (key === 'status') return intl.t(`commitment.status.${String(value)}`);
  if (key === 'declaredStatus') return intl.t(`milestone.declaredStatus.${String(value)}`);
  if (Array.isArray(value)) return value.length === 0 ? intl.t('common.notGiven') : intl.formatList(value.map((v) => show(intl, key, v, labels)), { type: 'unit' }) as string;
  if (key === 'policyAreas' && labels.policyArea) return labels.policyArea(String(value));
  if (key === 'start' || key === 'end' || key === 'plannedEnd') {
    const d = value as { date: string; precision: PartialDateView['precision'] };
    return formatPartialDate(intl, { date: d.date, precision: d.precision, raw: null });
  }
  return String(value);
}

/** The field-by-field diff of a change: one row per field whose value differs between `before` and `after`. */
export function diffRows(intl: Intl, change: Pick<ChangeView, 'before' | 'after' | 'entityType'>, labels: DiffLabels = {}): DiffRow[] {
  const t = intl.t;
  const rows: DiffRow[] = [];
  // Fields of commitments and milestones (edits), of new commitments, and of action plans.
  const plain: Record<string, string> = {
    ogpId: t('commitment.field.ogpId'), numberInPlan: t('commitment.numberInPlan'), status: t('commitment.status'),
    declaredStatus: t('milestone.declaredStatus'), start: t('milestone.start'), end: t('milestone.end'), plannedEnd: t('history.plannedEnd'),
    leadInstitution: t('commitment.field.leadInstitution'), supportingInstitutions: t('commitment.field.supportingInstitutions'),
    policyAreas: t('commitment.policyAreas'), number: t('actionPlan.number'), submissionYear: t('actionPlan.field.submissionYear'),
    startYear: t('actionPlan.field.startYear'), endYear: t('actionPlan.field.endYear'),
  };
  for (const key of Object.keys(plain)) {
    if (!(key in change.after) && !(key in change.before)) continue;
    const before = show(intl, key, change.before[key], labels);
    const after = show(intl, key, key in change.after ? change.after[key] : change.before[key], labels);
    if (before !== after) rows.push({ field: plain[key]!, before, after });
  }
  const beforeTexts = (change.before.texts ?? {}) as Record<string, unknown>;
  const afterTexts = (change.after.texts ?? {}) as Record<string, unknown>;
  for (const locale of Object.keys(afterTexts)) {
    const language = languageName(locale, intl.locale);
    const b = beforeTexts[locale];
    const a = afterTexts[locale];
    if (change.entityType === 'milestone') {
      if (b !== a) rows.push({ field: t('history.inLanguage', { field: t('milestone.text'), language }), before: show(intl, 'text', b), after: show(intl, 'text', a) });
      continue;
    }
    for (const [field, label] of Object.entries(TEXT_LABELS)) {
      const before = show(intl, field, (b as Record<string, unknown> | null)?.[field]);
      const after = show(intl, field, (a as Record<string, unknown> | null)?.[field]);
      if (before !== after) rows.push({ field: t('history.inLanguage', { field: t(label), language }), before, after });
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
          : <HistoryList intl={intl} changes={view.changes} labels={view.labels} restore={view.restore} withMilestoneNumbers />}
      </>
    ),
  });
}

/**
 * What a history tab adds to an entry: a sentence on what the change did (when its fields do not say it), or a link
 * to the page that shows the change in full, in place of its before/after table.
 */
export type EntryDetail = { summary?: string | undefined; link?: { href: string; label: string } | undefined };

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
        const who = c.actorName
          ? (c.institutionName ? t('history.whoWithInstitution', { name: c.actorName, institution: c.institutionName }) : c.actorName)
          : t('admin.event.system');
        const what = c.entityType === 'milestone' && withMilestoneNumbers
          ? t('history.onMilestone', { command: t(`history.command.${c.command}`), number: c.milestoneNumber ?? 0 })
          : t(`history.command.${c.command}`);
        const extra = detail?.(c);
        const rows = extra?.link ? [] : diffRows(intl, c, labels);
        const when = formatInstant(intl, c.occurredAt);
        return (
          <li id={`change-${c.id}`}>
            <h2><span safe>{what}</span></h2>
            <p>
              <span safe>{who}</span>{', '}
              <time datetime={c.occurredAt.toISOString()} safe>{when}</time>
            </p>
            {extra?.summary ? <p safe>{extra.summary}</p> : ''}
            {c.reason ? <p><strong safe>{t('edit.reason')}</strong>{': '}<span safe>{c.reason}</span></p> : ''}
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
                        <td data-label={t('history.before')}><del safe>{r.before}</del></td>
                        <td data-label={t('history.after')}><ins safe>{r.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : ''}
            {extra?.link ? <p><a href={extra.link.href} safe>{extra.link.label}</a></p> : ''}
            {restore && c.entityType === 'commitment' && c.command !== 'create_commitment' ? (
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
