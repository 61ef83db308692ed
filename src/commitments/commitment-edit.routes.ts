import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { emptyForm, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { formatPartialDate } from '../layout/format.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { OgpIdSchema } from './commitment-record.ts';
import { requireCommitmentTarget, type CommitmentTarget } from './commands/change-log.ts';
import { commitmentVersion, milestoneVersion } from './commands/edit-version.ts';
import { commitmentCrumbTitle } from './commitment-history.queries.ts';
import { editCommitment } from './commands/edit-commitment.ts';
import { withdrawCommitment } from './commands/withdraw-commitment.ts';
import { editMilestone } from '../milestones/commands/edit-milestone.ts';
import { createMilestone, nextMilestoneNumber } from '../milestones/commands/create-milestone.ts';
import { monthOf, storedDate } from '../milestones/commands/milestone-version.ts';
import { commitmentEditPage, commitmentEditUrl, milestoneEditPage, milestoneNewPage, type TextKind } from './commitment-edit.page.tsx';
import { milestoneEditUrl } from '../milestones/milestone-urls.ts';
import { textLanguages } from './text-languages.ts';

type StoredText = {
  locale: string; title: string; description: string | null; objectives: string | null; status_quo: string | null; ambition: string | null;
  full_text: string | null;
};

/**
 * What each stored text (a commitment's or a milestone's) is, for the page to label it: the text in the language the
 * commitment was published in, a translation, or one `titleOnly` says has its title only (OGP's English title of a row
 * in another language, decision 006; milestones have no such case). Only the languages the forms edit (`textLanguages`).
 */
function textKinds<T extends { locale: string }>(texts: T[], sourceLocale: string, titleOnly: (x: T) => boolean = () => false) {
  const kindOf = (x: T): TextKind => x.locale === sourceLocale ? 'source' : titleOnly(x) ? 'titleOnly' : 'translation';
  return textLanguages(sourceLocale).flatMap((locale) => texts.filter((x) => x.locale === locale).map((x) => ({ locale, kind: kindOf(x) })));
}
const hasTitleOnly = (x: StoredText) => !(x.description || x.objectives || x.status_quo || x.ambition || x.full_text);

type Params = { Params: { locale: string; id: string; number?: string }; Querystring: { lang?: string; notice?: string } };

/**
 * The editing forms (decision 012): `/{locale}/commitments/{id}/edit` (texts of a language, status; withdrawal at
 * `/withdraw`), `/{locale}/commitments/{id}/milestones/{number}/edit` and `/milestones/new`. Each handler
 * authorizes first, then runs its command; a refused input comes back with what was typed and a 400.
 */
export function registerCommitmentEditRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/commitments/:id/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_commitment', 'commitment', target);
    return renderCommitment(request, reply, user, target, chosenLang(request, target), undefined, emptyForm(), 200);
  });

  app.post<Params>('/:locale/commitments/:id/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_commitment', 'commitment', target);
    const result = await editCommitment(db, user, target.ogpId, request.body);
    const lang = bodyLang(request, target);
    if (!result.ok) return renderCommitment(request, reply, user, target, lang, result, emptyForm(), refusedStatus(result));
    return reply.redirect(`${commitmentEditUrl(intlFromParams(request.params).locale, target.ogpId)}?lang=${lang}&notice=${result.changeIds.length ? 'saved' : 'unchanged'}`, 303);
  });

  app.post<Params>('/:locale/commitments/:id/withdraw', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'withdraw_commitment', 'commitment', target);
    const body = request.body as Record<string, unknown> | undefined;
    const result = await withdrawCommitment(db, user, target.ogpId, { reason: body?.withdrawReason });
    const lang = chosenLang(request, target);
    if (!result.ok) {
      const withdraw = { values: { withdrawReason: result.values.reason ?? '' }, errors: { withdrawReason: result.errors.reason ?? 'form.error.invalid' } };
      return renderCommitment(request, reply, user, target, lang, undefined, withdraw, 400);
    }
    return reply.redirect(`${commitmentEditUrl(intlFromParams(request.params).locale, target.ogpId)}?notice=withdrawn`, 303);
  });

  app.get<Params>('/:locale/commitments/:id/milestones/:number/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_milestone', 'milestone', target);
    const lang = chosenLang(request, target);
    const number = milestoneNumber(request);
    return renderMilestone(request, reply, user, target, number, lang, emptyForm(await milestoneValues(target, number, lang)), 200);
  });

  app.post<Params>('/:locale/commitments/:id/milestones/:number/edit', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'edit_milestone', 'milestone', target);
    const number = milestoneNumber(request);
    await milestoneValues(target, number, 'en'); // 404 before anything else for a milestone that does not exist
    const result = await editMilestone(db, user, target.ogpId, number, request.body);
    const lang = bodyLang(request, target);
    if (!result.ok) return renderMilestone(request, reply, user, target, number, lang, result, refusedStatus(result));
    const url = milestoneEditUrl(intlFromParams(request.params).locale, target.ogpId, number);
    return reply.redirect(`${url}?lang=${lang}&notice=${result.changeIds.length ? 'saved' : 'unchanged'}`, 303);
  });

  app.get<Params>('/:locale/commitments/:id/milestones/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'create_milestone', 'milestone', target);
    return renderNewMilestone(request, reply, user, target, emptyForm({ lang: chosenLang(request, target) }), 200);
  });

  app.post<Params>('/:locale/commitments/:id/milestones/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await targetOf(request);
    authorize(user, 'create_milestone', 'milestone', target);
    const result = await createMilestone(db, user, target.ogpId, request.body);
    if (!result.ok) return renderNewMilestone(request, reply, user, target, result, 400);
    const url = milestoneEditUrl(intlFromParams(request.params).locale, target.ogpId, result.number!);
    return reply.redirect(`${url}?lang=${bodyLang(request, target)}&notice=created`, 303);
  });

  /** A save refused because the record changed since the form was opened is a 409 Conflict; any other refusal a 400. */
  const refusedStatus = (result: FormState) => (result.errors.version ? 409 : 400);

  async function targetOf(request: FastifyRequest<Params>): Promise<CommitmentTarget> {
    const id = OgpIdSchema.safeParse(request.params.id);
    if (!id.success) throw notFound('commitment');
    return requireCommitmentTarget(db, id.data);
  }

  function milestoneNumber(request: FastifyRequest<Params>): number {
    const number = Number(request.params.number);
    if (!Number.isInteger(number) || number < 1 || number > 10_000) throw notFound('milestone');
    return number;
  }

  const writable = (target: CommitmentTarget, lang: unknown) =>
    typeof lang === 'string' && textLanguages(target.sourceLocale).includes(lang) ? lang : undefined;
  /** The `?lang=` asked for if the forms write it (`textLanguages`), else the language of publication, whatever it is. */
  const chosenLang = (request: FastifyRequest<Params>, target: CommitmentTarget) => writable(target, request.query.lang) ?? target.sourceLocale;
  const bodyLang = (request: FastifyRequest<Params>, target: CommitmentTarget) =>
    writable(target, (request.body as Record<string, unknown> | undefined)?.lang) ?? chosenLang(request, target);

  /** Every language's stored text: the form shows one, the page says what the others are (`textKinds`). */
  const storedTexts = (target: CommitmentTarget) => db.selectFrom('commitment_texts')
    .select(['locale', 'title', 'description', 'objectives', 'status_quo', 'ambition', 'full_text'])
    .where('commitment_id', '=', target.id).execute();

  /** The form as stored, with the version it is opened on (`edit-version.ts`, read before the texts). */
  function commitmentValues(target: CommitmentTarget, version: string, lang: string, text: StoredText | undefined): FormState {
    return emptyForm({
      version, lang, title: text?.title ?? '', description: text?.description ?? '', objectives: text?.objectives ?? '',
      statusQuo: text?.status_quo ?? '', ambition: text?.ambition ?? '',
      status: target.status === 'active' || target.status === 'completed' ? target.status : '',
    });
  }

  /** The form as stored, with the version it is opened on (`edit-version.ts`, read before the values). */
  async function milestoneValues(target: CommitmentTarget, number: number, lang: string) {
    const version = await milestoneVersion(db, target.id, number);
    const row = await db.selectFrom('milestones as m')
      .leftJoin('milestone_texts as t', (j) => j.onRef('t.milestone_id', '=', 'm.id').on('t.locale', '=', lang))
      .select(['m.declared_status', 'm.start_date', 'm.start_precision', 'm.end_date', 'm.end_precision', 't.text'])
      .where('m.commitment_id', '=', target.id).where('m.number', '=', number).executeTakeFirst();
    if (!row) throw notFound('milestone');
    return {
      version, lang, text: row.text ?? '', declaredStatus: row.declared_status ?? '',
      start: monthOf(storedDate(row.start_date, row.start_precision)), end: monthOf(storedDate(row.end_date, row.end_precision)),
    };
  }

  const titleOf = (target: CommitmentTarget, locale: string) => commitmentCrumbTitle(db, target, locale);

  /** What an edit page says about its texts: the languages the form writes and what each stored text is (`textKinds`). */
  const editedTexts = <T extends { locale: string }>(target: CommitmentTarget, texts: T[], titleOnly?: (x: T) => boolean) => ({
    languages: textLanguages(target.sourceLocale), sourceLocale: target.sourceLocale, texts: textKinds(texts, target.sourceLocale, titleOnly),
  });

  function notice(request: FastifyRequest<Params>, intl: ReturnType<typeof intlFromParams>): string | undefined {
    const key = request.query.notice;
    return key === 'saved' || key === 'unchanged' || key === 'withdrawn' || key === 'created' ? intl.t(`edit.notice.${key}`) : undefined;
  }

  /** `form` is what was typed, or (undefined) the stored texts of `lang`. */
  async function renderCommitment(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, target: CommitmentTarget,
    lang: string, form: FormState | undefined, withdraw: FormState, status: number) {
    const intl = intlFromParams(request.params);
    // The version first, then the commitment as the form shows it: a change in between makes the form stale, never lost.
    const version = await commitmentVersion(db, target.id);
    const shown = await requireCommitmentTarget(db, target.ogpId);
    const texts = await storedTexts(shown);
    const text = texts.find((x) => x.locale === lang);
    const rows = await db.selectFrom('milestones as m').leftJoin('milestone_texts as t', 't.milestone_id', 'm.id')
      .select(['m.number', 't.locale', 't.text']).where('m.commitment_id', '=', target.id).orderBy('m.number').execute();
    const milestones = [...new Set(rows.map((r) => r.number))].map((number) => {
      const texts = rows.filter((r) => r.number === number);
      const text = texts.find((r) => r.locale === intl.locale) ?? texts.find((r) => r.locale === target.sourceLocale) ?? texts[0];
      return { number, text: text?.text ?? null };
    });
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, commitmentEditPage(ctx, {
      ogpId: target.ogpId, title: await titleOf(target, intl.locale), lang, form: form ?? commitmentValues(shown, version, lang, text), withdraw,
      withdrawn: shown.status === 'withdrawn', milestones, ...editedTexts(target, texts, hasTitleOnly),
      fullText: text?.full_text ?? null,
      csrfToken: csrfToken(web, request, reply), notice: status === 200 ? notice(request, intl) : undefined,
    }), status);
  }

  async function renderMilestone(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, target: CommitmentTarget,
    number: number, lang: string, form: FormState, status: number) {
    const intl = intlFromParams(request.params);
    const planned = await db.selectFrom('milestones').select(['planned_end_date', 'planned_end_precision'])
      .where('commitment_id', '=', target.id).where('number', '=', number).executeTakeFirst();
    const plannedEnd = planned?.planned_end_date && planned.planned_end_precision
      ? formatPartialDate(intl, { date: planned.planned_end_date, precision: planned.planned_end_precision as 'month', raw: null }) : null;
    const texts = await db.selectFrom('milestone_texts as t').innerJoin('milestones as m', 'm.id', 't.milestone_id').select('t.locale')
      .where('m.commitment_id', '=', target.id).where('m.number', '=', number).execute();
    const ctx = pageContext(request, reply, web, user);
    return sendPrivatePage(reply, milestoneEditPage(ctx, {
      ogpId: target.ogpId, title: await titleOf(target, intl.locale), number, lang, form, plannedEnd,
      ...editedTexts(target, texts),
      csrfToken: csrfToken(web, request, reply), notice: status === 200 ? notice(request, intl) : undefined,
    }), status);
  }

  async function renderNewMilestone(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, target: CommitmentTarget,
    form: FormState, status: number) {
    const intl = intlFromParams(request.params);
    const lang = writable(target, form.values.lang) ?? chosenLang(request, target);
    return sendPrivatePage(reply, milestoneNewPage(pageContext(request, reply, web, user), {
      ogpId: target.ogpId, title: await titleOf(target, intl.locale), lang, form, nextNumber: await nextMilestoneNumber(db, target.id),
      languages: textLanguages(target.sourceLocale),
      csrfToken: csrfToken(web, request, reply),
    }), status);
  }
}
