import type { IRM_INDICATORS, IrmIndicator, IrmReport } from '../../irm/indicators.ts';

/**
 * The words an OGP commitment page uses for its parts, per page language. The English and French labels come from
 * the KE0031 pages (en online, fr in shared/seeds); the French seed is a machine translation, so it keeps OGP's
 * typos ("At-il ouvert le gouvernement?"). Spanish labels marked "unverified" are our translation of the English
 * ones and should be checked against a saved Spanish page (AR0090) before they are trusted.
 *
 * Matching ignores case, accents, the kind of apostrophe, hyphens against spaces, and spaces before a colon, so
 * each label is written once, as the page shows it. A trailing ":" means the page puts a colon after the label.
 */
export const PAGE_LOCALES = ['en', 'fr', 'es'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

type IndicatorValue = (typeof IRM_INDICATORS)[IrmIndicator][number];
/** An indicator value, or "pending" for "Pending IRM Review". */
export type RatingWord = IndicatorValue | 'pending';

type Labels = readonly string[];

export interface PageLabels {
  skipNavigation: Labels;
  keyInformation: Labels;
  atAGlance: Labels;
  actionPlan: Labels;
  actionPlanCycle: Labels;
  status: Labels;
  institutionsHeading: Labels;
  leadInstitution: Labels;
  supportInstitutions: Labels;
  /** Markers inside the support institutions value; the colon may be missing. */
  otherGovernmentActors: Labels;
  otherActors: Labels;
  policyAreas: Labels;
  irmReview: Labels;
  irmReport: Labels;
  earlyResults: Labels;
  starred: Labels;
  designHeading: Labels;
  implementationHeading: Labels;
  verifiable: Labels;
  relevantToOgpValues: Labels;
  ambitionAtAGlance: Labels;
  potentialImpact: Labels;
  completion: Labels;
  description: Labels;
  objectives: Labels;
  statusQuo: Labels;
  ambition: Labels;
  /** The whole header row of the milestone table, as the page prints it. */
  milestoneTableHeader: Labels;
  /** Its first and last columns, to recognise header rows worded a little differently. */
  milestoneTableHeaderStart: Labels;
  milestoneTableHeaderEnd: Labels;
  milestoneStatus: { new: Labels; ongoing: Labels };
  commitmentStatus: { active: Labels; completed: Labels; withdrawn: Labels };
  irmMidtermSummary: Labels;
  irmEndOfTermSummary: Labels;
  /** "Commitment" in the IRM's "Commitment 8. Title". */
  irmCommitment: Labels;
  irmReports: Record<IrmReport, Labels>;
  /** Labels of the rating lines in the IRM summaries. */
  ratingLabels: Partial<Record<IrmIndicator, Labels>>;
  ratingWords: Partial<Record<RatingWord, Labels>>;
  /** Site navigation printed after the commitment. */
  footer: Labels;
  /** Names for a numbered action plan, as in "NAP IV" or "PAN IV". */
  planAbbreviations: Labels;
}

const en: PageLabels = {
  skipNavigation: ['Skip navigation', 'Skip to main content'],
  keyInformation: ['Key Information'],
  atAGlance: ['At-a-Glance'],
  actionPlan: ['Action Plan:'],
  actionPlanCycle: ['Action Plan Cycle:'],
  status: ['Status:'],
  institutionsHeading: ['Institutions'],
  leadInstitution: ['Lead Institution:', 'Lead Institutions:', 'Lead Institution(s):'],
  supportInstitutions: ['Support Institution(s):', 'Supporting Institution(s):', 'Support Institutions:'],
  otherGovernmentActors: ['Other Government actors involved:'],
  otherActors: ['Other actors involved:', 'Other actors'],
  policyAreas: ['Policy Areas'],
  irmReview: ['IRM Review'],
  irmReport: ['IRM Report:', 'IRM Reports:'],
  earlyResults: ['Early Results:'],
  starred: ['Starred:'],
  designHeading: ['Design'],
  implementationHeading: ['Implementation'],
  verifiable: ['Verifiable:'],
  relevantToOgpValues: ['Relevant to OGP Values:'],
  ambitionAtAGlance: ['Ambition (see definition):'],
  potentialImpact: ['Potential Impact:'],
  completion: ['Completion:'],
  description: ['Description'],
  objectives: ['Objectives'],
  statusQuo: ['Status quo'],
  ambition: ['Ambition'],
  milestoneTableHeader: ['No. Verifiable and measurable milestones to fulfill the commitment Milestone Status Start Date End Date'],
  milestoneTableHeaderStart: ['Verifiable and measurable milestones'],
  milestoneTableHeaderEnd: ['End Date'],
  milestoneStatus: { new: ['New'], ongoing: ['Ongoing', 'Continuing'] },
  commitmentStatus: { active: ['Active'], completed: ['Completed', 'Complete'], withdrawn: ['Withdrawn'] },
  irmMidtermSummary: ['IRM Midterm Status Summary', 'IRM Mid-term Status Summary'],
  irmEndOfTermSummary: ['IRM End of Term Status Summary'],
  irmCommitment: ['Commitment'],
  irmReports: {
    design: ['Design Report'],
    progress: ['Progress Report', 'Mid-term Progress Report', 'Midterm Report'],
    end_of_term: ['End of Term Report', 'End-of-Term Report'],
    action_plan_review: ['Action Plan Review'],
    results: ['Results Report'],
  },
  ratingLabels: {
    verifiable: ['Verifiable'],
    open_government_lens: ['Does it have an open government lens'],
    potential_for_results: ['Potential for results'],
    completion: ['Completion'],
    did_it_open_government: ['Did it open government'],
    potential_impact: ['Potential impact'],
    specificity: ['Specificity'],
    early_results: ['Early results'],
  },
  ratingWords: {
    yes: ['Yes'],
    no: ['No'],
    unclear: ['Unclear'],
    modest: ['Modest'],
    substantial: ['Substantial'],
    no_evidence: ['No evidence available', 'Unclear'],
    withdrawn: ['Withdrawn'],
    not_started: ['Not started'],
    limited: ['Limited'],
    complete: ['Complete', 'Completed'],
    no_early_results_yet: ['No early results to report yet', 'No early results to report'],
    worsened: ['Worsened', 'Worsens'],
    did_not_change: ['Did not change', 'No change'],
    marginal: ['Marginal'],
    major: ['Major'],
    outstanding: ['Outstanding'],
    no_notable_results: ['No notable results'],
    significant: ['Significant'],
    none: ['None'],
    low: ['Low'],
    medium: ['Medium'],
    high: ['High'],
    minor: ['Minor'],
    moderate: ['Moderate'],
    transformative: ['Transformative'],
    pending: ['Pending IRM Review', 'Pending'],
  },
  footer: ['Commitments', 'Open Government Partnership'],
  planAbbreviations: ['NAP', 'Plan'],
};

const fr: PageLabels = {
  skipNavigation: ['Ignorer la navigation', 'Aller au contenu principal'],
  keyInformation: ['Informations clés'],
  atAGlance: ["D'un coup d'œil", "En un coup d'œil"],
  actionPlan: ["Plan d'action:"],
  actionPlanCycle: ["Cycle du plan d'action :"],
  status: ['Statut:'],
  institutionsHeading: ['Institutions'],
  leadInstitution: ['Institution responsable :', 'Institutions responsables :', 'Institution(s) responsable(s) :'],
  supportInstitutions: ['Institution(s) de soutien :', 'Institutions de soutien :'],
  otherGovernmentActors: ['Autres acteurs gouvernementaux impliqués :'],
  otherActors: ['Autres acteurs impliqués :', 'Autres acteurs'],
  policyAreas: ['Domaines politiques', "Domaines d'action"],
  irmReview: ['Revue IRM', 'Examen IRM'],
  irmReport: ['Rapport IRM:', 'Rapports IRM:'],
  earlyResults: ['Premiers résultats :'],
  starred: ['Étoilé :'],
  designHeading: ['Design', 'Conception'],
  implementationHeading: ['Mise en œuvre'],
  verifiable: ['Vérifiable :'],
  relevantToOgpValues: ["Pertinent pour les valeurs de l'OGP :"],
  ambitionAtAGlance: ['Ambition (voir définition):'],
  potentialImpact: ['Impact potentiel :'],
  completion: ['Achèvement:'],
  description: ['Description'],
  objectives: ['Objectifs'],
  statusQuo: ['Statu quo'],
  ambition: ['Ambition'],
  milestoneTableHeader: [
    "Non. Jalons vérifiables et mesurables pour remplir l'engagement État de l'étape Date de début Date de fin",
  ],
  milestoneTableHeaderStart: ['Jalons vérifiables et mesurables'],
  milestoneTableHeaderEnd: ['Date de fin'],
  milestoneStatus: { new: ['Nouveau', 'Nouvelle'], ongoing: ['En cours', 'En continu'] },
  commitmentStatus: { active: ['Actif', 'Active'], completed: ['Terminé', 'Achevé'], withdrawn: ['Retiré'] },
  irmMidtermSummary: ["Résumé du statut à mi-parcours de l'IRM"],
  irmEndOfTermSummary: ['Résumé du statut de fin de session IRM', "Résumé du statut de fin de mandat de l'IRM"],
  irmCommitment: ['Engagement'],
  irmReports: {
    design: ['Rapport de conception'],
    progress: ["Rapport d'étape", "Rapport d'avancement", 'Rapport à mi-parcours'],
    end_of_term: ['Rapport de fin de mandat', 'Rapport de fin de session', 'Rapport de fin de parcours'],
    action_plan_review: ["Examen du plan d'action", "Revue du plan d'action"],
    results: ['Rapport de résultats', 'Rapport sur les résultats'],
  },
  ratingLabels: {
    verifiable: ['Vérifiable'],
    open_government_lens: ['A-t-il une optique de gouvernement ouvert', 'At-il une optique de gouvernement ouvert'],
    potential_for_results: ['Potentiel de résultats'],
    completion: ['Achèvement'],
    did_it_open_government: ['At-il ouvert le gouvernement', 'A-t-il ouvert le gouvernement'],
    potential_impact: ['Impact potentiel'],
    specificity: ['Spécificité'],
    early_results: ['Premiers résultats'],
  },
  ratingWords: {
    yes: ['Oui'],
    no: ['Non'],
    unclear: ['Peu clair', 'Pas clair', 'Incertain'],
    modest: ['Modeste'],
    substantial: ['Substantiel', 'Substantielle'],
    no_evidence: ['Aucune preuve disponible', 'Pas de preuve disponible'],
    withdrawn: ['Retiré'],
    not_started: ['Pas commencé', 'Non commencé', 'Non démarré'],
    limited: ['Limité', 'Limitée'],
    complete: ['Complet', 'Complété', 'Achevé', 'Terminé'],
    no_early_results_yet: [
      "Aucun premier résultat à signaler pour l'instant",
      'Aucun résultat préliminaire à signaler pour le moment',
      "Aucun résultat précoce à signaler pour l'instant",
    ],
    worsened: ['Aggravé', "S'est aggravé", 'Détérioré'],
    did_not_change: ["N'a pas changé", 'Pas de changement', 'Aucun changement'],
    marginal: ['Marginal', 'Marginale'],
    major: ['Majeur', 'Majeure'],
    outstanding: ['Exceptionnel', 'Exceptionnelle'],
    no_notable_results: ['Aucun résultat notable'],
    significant: ['Significatif', 'Significatifs'],
    none: ['Aucun', 'Aucune'],
    low: ['Faible'],
    medium: ['Moyen', 'Moyenne'],
    high: ['Élevé', 'Élevée'],
    minor: ['Mineur', 'Mineure'],
    moderate: ['Modéré', 'Modérée'],
    transformative: ['Transformateur', 'Transformatrice'],
    pending: ["En attente de l'examen IRM", "En attente de la revue de l'IRM", 'En attente'],
  },
  footer: ['Engagements', 'Open Government Partnership', 'Partenariat pour un gouvernement ouvert'],
  planAbbreviations: ['PAN', 'Plan'],
};

/** Spanish: "De un vistazo", "Plan de acción:", "Institución líder:" and "Áreas de política" are OGP's; the rest is unverified. */
const es: PageLabels = {
  skipNavigation: ['Saltar navegación', 'Ir al contenido principal'],
  keyInformation: ['Información clave'],
  atAGlance: ['De un vistazo'],
  actionPlan: ['Plan de acción:'],
  actionPlanCycle: ['Ciclo del plan de acción:'],
  status: ['Estado:', 'Estatus:'],
  institutionsHeading: ['Instituciones'],
  leadInstitution: ['Institución líder:', 'Instituciones líderes:', 'Institución responsable:'],
  supportInstitutions: ['Institución(es) de apoyo:', 'Instituciones de apoyo:'],
  otherGovernmentActors: ['Otros actores gubernamentales involucrados:'],
  otherActors: ['Otros actores involucrados:', 'Otros actores'],
  policyAreas: ['Áreas de política', 'Áreas políticas'],
  irmReview: ['Revisión del IRM', 'Revisión IRM', 'Revisión del MRI'],
  irmReport: ['Informe del IRM:', 'Informe IRM:', 'Informe del MRI:'],
  earlyResults: ['Resultados preliminares:', 'Resultados iniciales:', 'Primeros resultados:'],
  starred: ['Estelar:', 'Con estrella:'],
  designHeading: ['Diseño'],
  implementationHeading: ['Implementación'],
  verifiable: ['Verificable:'],
  relevantToOgpValues: ['Relevante para los valores de OGP:', 'Relevante para los valores de la AGA:'],
  ambitionAtAGlance: ['Ambición (ver definición):'],
  potentialImpact: ['Impacto potencial:'],
  completion: ['Cumplimiento:', 'Nivel de cumplimiento:', 'Finalización:'],
  description: ['Descripción'],
  objectives: ['Objetivos'],
  statusQuo: ['Statu quo', 'Situación actual'],
  ambition: ['Ambición'],
  milestoneTableHeader: [
    'No. Hitos verificables y medibles para cumplir con el compromiso Estado del hito Fecha de inicio Fecha de término',
  ],
  milestoneTableHeaderStart: ['Hitos verificables y medibles'],
  milestoneTableHeaderEnd: ['Fecha de término', 'Fecha de finalización', 'Fecha final', 'Fecha de fin'],
  milestoneStatus: { new: ['Nuevo', 'Nueva'], ongoing: ['En curso', 'En proceso', 'En marcha'] },
  commitmentStatus: { active: ['Activo', 'Activa'], completed: ['Completado', 'Finalizado'], withdrawn: ['Retirado'] },
  irmMidtermSummary: ['Resumen del estado intermedio del IRM', 'Resumen del estado de medio término del IRM'],
  irmEndOfTermSummary: ['Resumen del estado de fin de término del IRM', 'Resumen del estado final del IRM'],
  irmCommitment: ['Compromiso'],
  irmReports: {
    design: ['Informe de diseño'],
    progress: ['Informe de avance', 'Informe de avances', 'Informe de progreso'],
    end_of_term: ['Informe de fin de término', 'Informe final'],
    action_plan_review: ['Revisión del plan de acción'],
    results: ['Informe de resultados'],
  },
  ratingLabels: {
    verifiable: ['Verificable'],
    open_government_lens: ['Tiene un enfoque de gobierno abierto', 'Tiene una perspectiva de gobierno abierto'],
    potential_for_results: ['Potencial de resultados'],
    completion: ['Cumplimiento', 'Nivel de cumplimiento', 'Finalización'],
    did_it_open_government: ['Contribuyó a abrir el gobierno', 'Se avanzó en la apertura del gobierno'],
    potential_impact: ['Impacto potencial'],
    specificity: ['Especificidad'],
    early_results: ['Resultados preliminares', 'Resultados iniciales'],
  },
  ratingWords: {
    yes: ['Sí'],
    no: ['No'],
    unclear: ['Poco claro', 'Incierto'],
    modest: ['Modesto', 'Modesta'],
    substantial: ['Sustancial', 'Sustantivo'],
    no_evidence: ['No hay evidencia disponible', 'Sin evidencia disponible'],
    withdrawn: ['Retirado'],
    not_started: ['No iniciado', 'No ha iniciado'],
    limited: ['Limitado', 'Limitada'],
    complete: ['Completo', 'Completado'],
    no_early_results_yet: ['Aún no hay resultados preliminares para reportar', 'Todavía no hay resultados preliminares'],
    worsened: ['Empeoró'],
    did_not_change: ['No cambió'],
    marginal: ['Marginal', 'Marginalmente'],
    major: ['Mayor', 'Significativamente'],
    outstanding: ['Excepcional', 'Excepcionalmente', 'Sobresaliente'],
    no_notable_results: ['Sin resultados notables'],
    significant: ['Significativo', 'Significativos'],
    none: ['Ninguno', 'Ninguna'],
    low: ['Bajo', 'Baja'],
    medium: ['Medio', 'Media'],
    high: ['Alto', 'Alta'],
    minor: ['Menor'],
    moderate: ['Moderado', 'Moderada'],
    transformative: ['Transformador', 'Transformadora'],
    pending: ['Pendiente de revisión del IRM', 'Pendiente'],
  },
  footer: ['Compromisos', 'Open Government Partnership', 'Alianza para el Gobierno Abierto'],
  planAbbreviations: ['PAN', 'PNA', 'Plan'],
};

export const PAGE_LABELS: Readonly<Record<PageLocale, PageLabels>> = { en, fr, es };
