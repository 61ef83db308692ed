import type { Intl } from '../i18n/intl.ts';
import { formatInstant } from '../layout/format.ts';

export type PublicationChange = {
  id: string; occurredAt: Date; command: string; reason: string | null; actorName: string | null; after: Record<string, unknown>;
};

/** What an entry changed, in the reader's words: the fields its `after` holds (decision 012 stores only those). */
function changedFields(intl: Intl, change: PublicationChange): string {
  const fields = Object.keys(change.after).filter((field) => field !== 'state' && field !== 'publishedOn');
  return intl.conjunction.format(fields.map((field) => intl.t(`publication.history.field.${field}`)));
}

/** A publication's history on its edit page, newest first: what was done, by whom, when, what changed and why. */
export function PublicationHistory({ intl, changes }: { intl: Intl; changes: PublicationChange[] }) {
  const t = intl.t;
  return (
    <section aria-labelledby="publication-history">
      <h2 id="publication-history" safe>{t('publication.history.heading')}</h2>
      <ol class="history">
        {changes.map((change) => {
          const fields = change.command === 'create_publication' || change.command === 'edit_publication' ? changedFields(intl, change) : '';
          return (
            <li>
              <h3 safe>{t(`history.command.${change.command}`)}</h3>
              <p class="muted" safe>{t('publication.history.byWhen', { who: change.actorName ?? t('publication.history.someone'), when: formatInstant(intl, change.occurredAt) })}</p>
              {fields ? <p safe>{t('publication.history.changed', { fields })}</p> : ''}
              {change.reason ? <p safe>{t('publication.history.reason', { reason: change.reason })}</p> : ''}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
