import type { Intl } from '../i18n/intl.ts';
import { languageName } from '../i18n/intl.ts';
import { textDir } from '../i18n/text-direction.ts';
import { Layout, type PageContext } from '../layout/layout.tsx';
import { formatPartialDate, paragraphs } from '../layout/format.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { IrmAtAGlance, IrmReviewSummary } from '../irm/irm-review.view.tsx';
import { pickLocale, pickLocaleWhere, type CommitmentDetail, type DateAsWrittenView, type InstitutionRef, type PartialDateView } from './commitment-detail.ts';
import { institutionPath } from '../institutions/institution-url.ts';
import { milestonePath } from '../milestones/milestone-urls.ts';
import type { PublicationSummary } from '../publications/publication.queries.ts';
import { PublicationLinks } from '../publications/publication-view.tsx';

/** The public commitment page, grouped as OGP's own pages group it. */
/** Beside the detail: the end dates first planned for re-planned milestones (by number; decision 012). */
export type CommitmentPageExtras = {
  plannedEnds?: Map<number, { date: string; precision: string }>;
  /** For those who record IRM assessments (never on a page kept for anonymous visitors). */
  irmAssessmentsHref?: string | undefined;
  /** The published guidance notes and stories linked to the commitment (covered by the head's version). */
  publications?: PublicationSummary[];
};

export function commitmentPage(ctx: PageContext, c: CommitmentDetail, extras: CommitmentPageExtras = {}): string {
  const { intl } = ctx;
  const t = intl.t;
  const title = pickLocale(c.texts, intl.locale, c.sourceLocale)!;
  const lang = title.locale;
  const member = memberName(c.member, intl.locale);
  const planTitle = actionPlanTitle(intl, member, c.actionPlan);
  const memberUrl = `/${intl.locale}/members/${c.member.slug}`;
  const planUrl = `${memberUrl}/action-plans/${c.actionPlan.number}`;
  const midterm = c.irmReviews.filter((r) => r.report === 'progress' || r.report === 'action_plan_review' || r.report === 'design');
  const endOfTerm = c.irmReviews.filter((r) => r.report === 'end_of_term' || r.report === 'results');
  // The plan's own numbering ("1.2", "III.4") when it is not a whole number, else the number in the plan.
  const number = c.numberLabel ?? (c.numberInPlan ? intl.formatNumber(c.numberInPlan) : null);
  const prose = proseOf(c, intl.locale);
  // Prose in another language than both the page and the title is marked (the title's note is under the title): all
  // of it from one such language by one note under the heading, else each such part by a short note of its own.
  const proseLocales = new Set(PROSE_FIELDS.map((field) => prose[field]?.locale).filter((locale) => locale !== undefined));
  const sectionNoteLocale = proseLocales.size === 1 ? [...proseLocales].find((locale) => locale !== intl.locale && locale !== lang) : undefined;
  const partNote = (field: ProseField) => {
    const locale = prose[field]?.locale;
    return locale && !sectionNoteLocale && locale !== intl.locale && locale !== lang ? locale : undefined;
  };
  const fullText = prose.fullText;

  return Layout({
    ...ctx,
    title: `${title.value.title} (${c.ogpId})`,
    breadcrumbs: [
      { href: `/${intl.locale}/`, label: t('home.title') },
      { href: memberUrl, label: member },
      { href: planUrl, label: planTitle },
    ],
    children: (
      <>
        <p class="muted" safe>{member}</p>
        <h1>
          {number ? <><span class="muted" safe>{t('commitment.numbered', { number })}</span>{' '}</> : ''}
          <span lang={lang} dir={textDir(lang)} safe>{title.value.title}</span> <span safe>{`(${c.ogpId})`}</span>
        </h1>
        {lang !== intl.locale ? <OtherLanguageNote intl={intl} textLocale={lang} /> : ''}

        <section aria-labelledby="at-a-glance">
          <h2 id="at-a-glance" safe>{t('commitment.atAGlance')}</h2>
          <dl class="facts">
            <dt safe>{t('commitment.actionPlan')}</dt><dd><a href={planUrl} safe>{planTitle}</a></dd>
            <dt safe>{t('commitment.cycle')}</dt><dd safe>{intl.formatNumber(c.actionPlan.submissionYear, { useGrouping: false })}</dd>
            <dt safe>{t('commitment.numberInPlan')}</dt>
            <dd safe>{number ?? t('common.notGiven')}</dd>
            <dt safe>{t('commitment.startDate')}</dt><dd><DateAsWritten intl={intl} value={c.start} lang={c.sourceLocale} /></dd>
            <dt safe>{t('commitment.endDate')}</dt><dd><DateAsWritten intl={intl} value={c.end} lang={c.sourceLocale} /></dd>
            <dt safe>{t('commitment.status')}</dt><dd safe>{c.status ? t(`commitment.status.${c.status}`) : t('common.notGiven')}</dd>
            {c.carriedOverFrom ? <>
              <dt safe>{t('commitment.carriedOverFrom')}</dt>
              <dd><a href={`/${intl.locale}/commitments/${c.carriedOverFrom}`} safe>{c.carriedOverFrom}</a></dd>
            </> : ''}
          </dl>
        </section>

        <section aria-labelledby="institutions">
          <h2 id="institutions" safe>{t('commitment.institutions')}</h2>
          <dl class="facts">
            <dt safe>{t('commitment.leadInstitutions')}</dt><dd><InstitutionList list={c.leadInstitutions} intl={intl} memberSlug={c.member.slug} /></dd>
            <dt safe>{t('commitment.supportingGovernment')}</dt>
            <dd><InstitutionList list={c.supportingInstitutions.government} intl={intl} memberSlug={c.member.slug} /></dd>
            <dt safe>{t('commitment.supportingOther')}</dt>
            <dd><InstitutionList list={c.supportingInstitutions.other} intl={intl} memberSlug={c.member.slug} /></dd>
          </dl>
        </section>

        <section aria-labelledby="policy-areas">
          <h2 id="policy-areas" safe>{t('commitment.policyAreas')}</h2>
          {c.policyAreas.length > 0
            ? <ul class="tags">{c.policyAreas.map((p) => <li safe>{p.label}</li>)}</ul>
            : <p safe>{t('common.none')}</p>}
        </section>

        <IrmAtAGlance intl={intl} reviews={c.irmReviews} />

        <section aria-labelledby="description">
          <h2 id="description" safe>{t('commitment.description')}</h2>
          {sectionNoteLocale ? <OtherLanguageNote intl={intl} textLocale={sectionNoteLocale} /> : ''}
          <NotTranslatedNote intl={intl} textLocale={partNote('description')} />
          <div class="prose" lang={prose.description?.locale ?? lang} dir={textDir(prose.description?.locale ?? lang)}>
            {paragraphs(prose.description?.text).map((p) => <p safe>{p}</p>)}
          </div>
          <TextSection id="objectives" heading={t('commitment.objectives')} text={prose.objectives} note={partNote('objectives')} intl={intl} list />
          <TextSection id="status-quo" heading={t('commitment.statusQuo')} text={prose.statusQuo} note={partNote('statusQuo')} intl={intl} />
          <TextSection id="ambition" heading={t('commitment.ambition')} text={prose.ambition} note={partNote('ambition')} intl={intl} />
          {fullText ? (
            <details class="full-text">
              <summary safe>{t('commitment.fullText')}</summary>
              <NotTranslatedNote intl={intl} textLocale={partNote('fullText')} />
              <div class="prose" lang={fullText.locale} dir={textDir(fullText.locale)}>{paragraphs(fullText.text).map((p) => <p safe>{p}</p>)}</div>
            </details>
          ) : ''}
        </section>

        <section aria-labelledby="milestones">
          <h2 id="milestones" safe>{t('commitment.milestones')}</h2>
          {c.milestones.length > 0 ? <MilestonesTable intl={intl} ogpId={c.ogpId} milestones={c.milestones} sourceLocale={c.sourceLocale} plannedEnds={extras.plannedEnds} /> : <p safe>{t('commitment.noMilestones')}</p>}
        </section>

        <section aria-labelledby="irm-midterm">
          <h2 id="irm-midterm" safe>{t('irm.midtermSummary')}</h2>
          {midterm.length > 0 ? midterm.map((r) => <IrmReviewSummary intl={intl} review={r} />) : <p safe>{t('irm.notYetReviewed')}</p>}
        </section>

        <section aria-labelledby="irm-end-of-term">
          <h2 id="irm-end-of-term" safe>{t('irm.endOfTermSummary')}</h2>
          {endOfTerm.length > 0 ? endOfTerm.map((r) => <IrmReviewSummary intl={intl} review={r} />) : <p safe>{t('irm.notYetReviewed')}</p>}
        </section>
        {extras.irmAssessmentsHref ? <p><a href={extras.irmAssessmentsHref} safe>{t('irmAssessment.link')}</a></p> : ''}

        {extras.publications?.length ? (
          <section aria-labelledby="guidance">
            <h2 id="guidance" safe>{t('publication.ofCommitment')}</h2>
            <PublicationLinks intl={intl} publications={extras.publications} />
          </section>
        ) : ''}

        <p class="muted">
          <a href={`/${intl.locale}/commitments/${c.ogpId}/history`} safe>{t('history.link')}</a>
        </p>
        <p class="muted">
          <a href={`/api/v1/commitments/${c.ogpId}`} safe>{t('commitment.asJson')}</a>
        </p>
      </>
    ),
  });
}

export function OtherLanguageNote({ intl, textLocale }: { intl: Intl; textLocale: string }) {
  return <p class="note" safe>{intl.t('common.shownInOtherLanguage', { language: languageName(textLocale, intl.locale) })}</p>;
}

/**
 * A commitment's date as precise as its source: "July 2019", "Q1 2019", "2019"; words that could not be read as a
 * date are shown as written (in the source's language), marked so, never turned into a date.
 */
function DateAsWritten({ intl, value, lang }: { intl: Intl; value: DateAsWrittenView | null; lang: string }) {
  if (value?.date === null) {
    return <><span lang={lang} dir={textDir(lang)} safe>{value.raw}</span> <span class="muted" safe>{intl.t('commitment.dateNotRead')}</span></>;
  }
  return <span safe>{formatPartialDate(intl, value)}</span>;
}

/** Institution names as a sentence list ("A, B and C"), each a link to the institution's page. */
function InstitutionList({ list, intl, memberSlug }: { list: InstitutionRef[]; intl: Intl; memberSlug: string }) {
  if (list.length === 0) return <span safe>{intl.t('common.none')}</span>;
  let index = 0;
  const parts = intl.conjunction.formatToParts(list.map((i) => i.name));
  return (
    <span>
      {parts.map((part) => {
        if (part.type === 'literal') return <span safe>{part.value}</span>;
        const institution = list[index++]!;
        return <a href={institutionPath(intl.locale, memberSlug, institution.slug)} safe>{institution.name}</a>;
      })}
    </span>
  );
}

const PROSE_FIELDS = ['description', 'objectives', 'statusQuo', 'ambition', 'fullText'] as const;
type ProseField = (typeof PROSE_FIELDS)[number];
type ProsePart = { text: string; locale: string };

/**
 * Each part of the prose from the first text that has it, in the page's language, else the source language, else
 * any: a translation may give only some parts (a title only: OGP's English title of a Spanish row, decision 006; a
 * title and a description), and the others are then shown in the language they exist in, never left out. All texts
 * are read with the commitment's row, so what is picked here is covered by the page's version (decision 017).
 */
function proseOf(c: CommitmentDetail, locale: string): Record<ProseField, ProsePart | undefined> {
  const part = (field: ProseField): ProsePart | undefined => {
    const picked = pickLocaleWhere(c.texts, (text) => Boolean(text[field]), locale, c.sourceLocale);
    return picked ? { text: picked.value[field]!, locale: picked.locale } : undefined;
  };
  return Object.fromEntries(PROSE_FIELDS.map((field) => [field, part(field)])) as Record<ProseField, ProsePart | undefined>;
}

/** Under one part of the prose shown in another language: a short note, the part itself carrying its `lang`. */
function NotTranslatedNote({ intl, textLocale }: { intl: Intl; textLocale: string | undefined }) {
  if (!textLocale) return '';
  return <p class="note" safe>{intl.t('commitment.notTranslated', { language: languageName(textLocale, intl.locale) })}</p>;
}

function TextSection({ id, heading, text, note, intl, list }: {
  id: string; heading: string; text: ProsePart | undefined; note: string | undefined; intl: Intl; list?: boolean;
}) {
  const parts = paragraphs(text?.text);
  if (!text || parts.length === 0) return '';
  const lang = text.locale;
  return (
    <>
      <h3 id={id} safe>{heading}</h3>
      <NotTranslatedNote intl={intl} textLocale={note} />
      {list
        ? <ul class="prose" lang={lang} dir={textDir(lang)}>{parts.map((p) => <li safe>{p}</li>)}</ul>
        : <div class="prose" lang={lang} dir={textDir(lang)}>{parts.map((p) => <p safe>{p}</p>)}</div>}
    </>
  );
}

function MilestonesTable({ intl, ogpId, milestones, sourceLocale, plannedEnds }: {
  intl: Intl; ogpId: string; milestones: CommitmentDetail['milestones']; sourceLocale: string; plannedEnds?: CommitmentPageExtras['plannedEnds'];
}) {
  const t = intl.t;
  return (
    <div class="table-wrap">
      <table class="stack">
        <caption safe>{t('milestone.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('milestone.number')}</th>
            <th scope="col" safe>{t('milestone.text')}</th>
            <th scope="col" safe>{t('milestone.declaredStatus')}</th>
            <th scope="col" safe>{t('milestone.start')}</th>
            <th scope="col" safe>{t('milestone.end')}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => {
            const text = pickLocale(m.texts, intl.locale, sourceLocale);
            return (
              <tr>
                <td data-label={t('milestone.number')} safe>{intl.formatNumber(m.number)}</td>
                <td data-label={t('milestone.text')} lang={text?.locale}><a href={milestonePath(intl.locale, ogpId, m.number)} dir={textDir(text?.locale)} safe>{text?.value ?? intl.formatNumber(m.number)}</a></td>
                <td data-label={t('milestone.declaredStatus')} safe>{m.declaredStatus ? t(`milestone.declaredStatus.${m.declaredStatus}`) : t('common.notGiven')}</td>
                <td data-label={t('milestone.start')} safe>{formatPartialDate(intl, m.start)}</td>
                <td data-label={t('milestone.end')} safe>{endDate(intl, m.end, plannedEnds?.get(m.number))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A milestone's end date; for a re-planned milestone, "planned: …, now: …". */
export function endDate(intl: Intl, end: PartialDateView | null, planned: { date: string; precision: string } | undefined): string {
  const now = formatPartialDate(intl, end);
  if (!planned) return now;
  const was = formatPartialDate(intl, { date: planned.date, precision: planned.precision as PartialDateView['precision'], raw: null });
  return was === now ? now : intl.t('history.plannedNow', { planned: was, now });
}
