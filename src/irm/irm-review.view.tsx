import type { Intl } from '../i18n/intl.ts';
import type { CommitmentDetail } from '../commitments/commitment-detail.ts';
import { pickLocale } from '../commitments/commitment-detail.ts';
import { paragraphs } from '../layout/format.ts';
import { isIndicatorValue, type IrmIndicator, type IrmReport } from './indicators.ts';
import { textDir } from '../i18n/text-direction.ts';

type Review = CommitmentDetail['irmReviews'][number];

const DESIGN_REPORTS: IrmReport[] = ['action_plan_review', 'design', 'progress'];
const RESULT_REPORTS: IrmReport[] = ['results', 'end_of_term', 'progress'];

/** A rating as text: its value's label, or what state it is in ("not yet reviewed", "no data", "not applicable"). */
export function ratingText(intl: Intl, rating: Review['ratings'][number] | undefined): string {
  if (!rating) return intl.t('irm.state.not_reviewed');
  if (rating.state !== 'assessed' || rating.value === null) return intl.t(`irm.state.${rating.state}`);
  return intl.t(`irm.value.${rating.indicator}.${rating.value}`);
}

/** An indicator's answer as a form or a history entry stores it (a value, or the state it is in instead) as a person reads it. */
export function answerText(intl: Intl, indicator: IrmIndicator, answer: string): string {
  return intl.t(isIndicatorValue(indicator, answer) ? `irm.value.${indicator}.${answer}` : `irm.state.${answer}`);
}

/** An `indicator:value` pair as a person reads it: "Completion: Limited". */
export function ratingLabel(intl: Intl, pair: string): string {
  const [indicator = '', value = ''] = pair.split(':');
  const state = ['not_reviewed', 'no_data', 'not_applicable'].includes(value);
  return intl.t('common.labelValue', { label: intl.t(`irm.indicator.${indicator}`), value: intl.t(state ? `irm.state.${value}` : `irm.value.${indicator}.${value}`) });
}

function findRating(reviews: Review[], reports: IrmReport[], indicators: IrmIndicator[]) {
  for (const report of reports) {
    const review = reviews.find((r) => r.report === report);
    const rating = review?.ratings.find((r) => indicators.includes(r.indicator));
    if (rating) return rating;
  }
  return undefined;
}

/** The "IRM review" block of the at-a-glance box: the ratings people look for first, from whichever report has them. */
export function IrmAtAGlance({ intl, reviews }: { intl: Intl; reviews: Review[] }) {
  const t = intl.t;
  const design = DESIGN_REPORTS.map((r) => reviews.find((x) => x.report === r)).find(Boolean);
  const ambition = design?.derived.ambition;
  const rows: [string, string][] = [
    [t('irm.reports'), reviews.length > 0
      ? intl.formatList(reviews.map((r) => t(`irm.report.${r.report}`)), { type: 'conjunction' }) as string
      : t('irm.state.not_reviewed')],
    [t('irm.earlyResults'), ratingText(intl, findRating(reviews, RESULT_REPORTS, ['early_results', 'did_it_open_government']))],
    [t('irm.verifiable'), ratingText(intl, findRating(reviews, DESIGN_REPORTS, ['verifiable']))],
    [t('irm.relevantToOgpValues'), ratingText(intl, findRating(reviews, DESIGN_REPORTS, ['open_government_lens']))],
    [t('irm.ambition'), ambition ? t(`irm.ambition.${ambition}`) : t('irm.state.not_reviewed')],
    [t('irm.completion'), ratingText(intl, findRating(reviews, RESULT_REPORTS, ['completion']))],
  ];
  return (
    <section aria-labelledby="irm-review">
      <h2 id="irm-review" safe>{t('irm.review')}</h2>
      <dl class="facts">
        {rows.map(([term, value]) => <><dt safe>{term}</dt><dd safe>{value}</dd></>)}
      </dl>
    </section>
  );
}

/** One IRM report's box for this commitment: the IRM's own number and title, every rating, the narrative. */
export function IrmReviewSummary({ intl, review }: { intl: Intl; review: Review }) {
  const t = intl.t;
  const text = pickLocale(review.texts, intl.locale, review.sourceLocale);
  const heading = t(`irm.report.${review.report}`);
  return (
    <div class="review">
      <h3 safe>{heading}</h3>
      {text?.value.irmTitle ? (
        <p><strong lang={text.locale} dir={textDir(text.locale)} safe>{review.irmNumber
          ? t('irm.commitmentNumber', { number: review.irmNumber, title: text.value.irmTitle })
          : text.value.irmTitle}</strong></p>
      ) : ''}
      <dl class="facts">
        {review.ratings.map((r) => <><dt safe>{t(`irm.indicator.${r.indicator}`)}</dt><dd safe>{ratingText(intl, r)}</dd></>)}
        {review.derived.starred !== null ? <><dt safe>{t('irm.starred')}</dt><dd safe>{t(review.derived.starred ? 'common.yes' : 'common.no')}</dd></> : ''}
      </dl>
      {text?.value.narrative ? (
        <div class="prose" lang={text.locale} dir={textDir(text.locale)}>{paragraphs(text.value.narrative).map((p) => <p safe>{p}</p>)}</div>
      ) : ''}
    </div>
  );
}
