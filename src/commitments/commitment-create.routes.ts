import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/server.ts';
import { authorize } from '../http/authorize.ts';
import { csrfToken } from '../http/csrf.ts';
import { formValues, parseForm, type FormState } from '../http/form.ts';
import { notFound } from '../http/errors.ts';
import { intlFromParams } from '../http/locale-params.ts';
import { pageContext, sendPrivatePage } from '../http/page-context.ts';
import { isPublicationLanguage } from '../i18n/publication-languages.ts';
import { currentUser, type CurrentUser } from '../accounts/current-user.ts';
import { memberName } from '../members/member-name.ts';
import { actionPlanTitle } from '../action-plans/action-plan-title.ts';
import { actionPlanPolicy } from '../action-plans/action-plan.policy.ts';
import { findActionPlanTarget, findMemberTarget, type ActionPlanTarget, type MemberTarget } from '../action-plans/commands/action-plan-form.ts';
import { formList, LIST_SEPARATOR } from '../layout/checkbox-group.tsx';
import { createCommitment, CreateCommitmentForm } from './commands/create-commitment.ts';
import { memberInstitutionOptions, policyAreaGroups } from './commitment-create.queries.ts';
import { commitmentCreatePage } from './commitment-create.page.tsx';
import { commitmentEditUrl } from './commitment-edit.page.tsx';

type Params = { Params: { locale: string; slug: string; number: string }; Querystring: { lang?: string } };
type Plan = { member: MemberTarget; plan: ActionPlanTarget; institutionIds: string[] };

/**
 * `/{locale}/members/{slug}/action-plans/{number}/commitments/new` (decision 012): administrators, and points of
 * contact of one of the member's institutions (their institution then leads the commitment). A created commitment
 * opens in its edit form, where milestones are added.
 */
export function registerCommitmentCreateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, web } = deps;

  app.get<Params>('/:locale/members/:slug/action-plans/:number/commitments/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await planOf(request);
    authorize(user, 'create_commitment', 'commitment', { institutionIds: target.institutionIds });
    // `?lang=` (the language chooser) opens the form in any publication language; another one is refused as the
    // POST would refuse it, the form opening in the page's language.
    const asked: unknown = request.query.lang;
    const valid = typeof asked === 'string' && isPublicationLanguage(asked);
    const refused = !valid && asked !== undefined && asked !== '';
    const lang = valid ? asked : intlFromParams(request.params).locale;
    const lead = user.role === 'point_of_contact' && user.institutionId ? user.institutionId : '';
    const form: FormState = { values: { lang, leadInstitution: lead }, errors: refused ? { lang: 'form.error.invalid' } : {} };
    return render(request, reply, user, target, form, refused ? 400 : 200);
  });

  app.post<Params>('/:locale/members/:slug/action-plans/:number/commitments/new', async (request, reply) => {
    const user = await currentUser(deps, request);
    const target = await planOf(request);
    authorize(user, 'create_commitment', 'commitment', { institutionIds: target.institutionIds });
    const twice = leadAlsoSupporting(request.body);
    if (twice) {
      // Judged as the command judges a chosen lead: a point of contact naming another institution is refused (403).
      authorize(user, 'create_commitment', 'commitment', { institutionIds: [twice.values.leadInstitution!] });
      return render(request, reply, user, target, twice, 400);
    }
    const result = await createCommitment(db, user, { id: target.plan.id, memberId: target.member.id, ogpPrefix: target.member.ogpPrefix }, request.body);
    if (!result.ok) return render(request, reply, user, target, result, 400);
    return reply.redirect(`${commitmentEditUrl(intlFromParams(request.params).locale, result.ogpId!)}?notice=created`, 303);
  });

  async function planOf(request: FastifyRequest<Params>): Promise<Plan> {
    const member = await findMemberTarget(db, request.params.slug);
    const number = /^[0-9]{1,2}$/.test(request.params.number) ? Number(request.params.number) : 0;
    const plan = member && number > 0 ? await findActionPlanTarget(db, member.id, number) : undefined;
    if (!member || !plan) throw notFound('action plan');
    const institutions = await db.selectFrom('institutions').select('id').where('member_id', '=', member.id).execute();
    return { member, plan, institutionIds: institutions.map((i) => i.id) };
  }

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, user: CurrentUser, { member, plan }: Plan, form: FormState, status: number) {
    const ctx = pageContext(request, reply, web, user);
    const { intl } = ctx;
    const current = [form.values.leadInstitution ?? '', ...(form.values.supportingInstitutions ?? '').split(LIST_SEPARATOR), user.institutionId ?? ''];
    const [institutionOptions, policyAreas] = await Promise.all([memberInstitutionOptions(db, member.id, current), policyAreaGroups(db, intl.locale)]);
    const name = memberName(member, intl.locale);
    const lang = form.values.lang && isPublicationLanguage(form.values.lang) ? form.values.lang : intl.locale;
    // A point of contact creates commitments their own institution leads: it is the only lead offered.
    const ownLead = user.role !== 'administrator';
    const leadOptions = ownLead ? institutionOptions.filter((o) => o.value === user.institutionId) : institutionOptions;
    return sendPrivatePage(reply, commitmentCreatePage(ctx, {
      memberSlug: member.slug, memberName: name, planNumber: plan.number, planTitle: actionPlanTitle(intl, name, plan),
      ogpPrefix: member.ogpPrefix, lang, leadOptions, ownLead, institutionOptions, policyAreas,
      mayEditPlan: actionPlanPolicy.edit_action_plan(user, { actionPlanId: plan.id }), form, csrfToken: csrfToken(web, request, reply),
    }), status);
  }
}

/**
 * A lead institution also ticked as supporting (the commitment page then listed it in both places): refused before
 * the command writes anything, the error on the supporting institutions, with the form's other mistakes if any.
 */
function leadAlsoSupporting(body: unknown): FormState | undefined {
  const values = formValues(body);
  const lead = values.leadInstitution?.trim() ?? '';
  const supporting = formList(body, 'supportingInstitutions');
  if (lead === '' || !supporting.includes(lead)) return undefined;
  const form = parseForm(CreateCommitmentForm, body);
  return {
    values: { ...values, leadInstitution: lead, supportingInstitutions: supporting.join(LIST_SEPARATOR), policyAreas: formList(body, 'policyAreas').join(LIST_SEPARATOR) },
    errors: { ...(form.ok ? {} : form.errors), supportingInstitutions: 'commitment.error.leadAlsoSupporting' },
  };
}
