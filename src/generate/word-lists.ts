/**
 * Word lists of the synthetic data set, in five languages. Every entry is a tuple of the same phrase in
 * [en, fr, es, sw, pt] order, so a commitment composed from entry numbers can be written in its source language and
 * translated into English with the same meaning. Phrases carry their own articles; `contract` (text.ts) applies the
 * contractions the slots create ("de les" → "des", "em as" → "nas").
 *
 * Written by the Ahadi project for test data: the words describe typical open-government reforms, no real
 * commitment's text is reproduced.
 */
export const LANGUAGES = ['en', 'fr', 'es', 'sw', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Phrase = readonly [en: string, fr: string, es: string, sw: string, pt: string];

export function inLanguage(phrase: Phrase, language: Language): string {
  return phrase[LANGUAGES.indexOf(language)]!;
}

/** A subject of commitments: how it is named, and the policy-area keys (migration 002) it is tagged with. */
export type Topic = { name: Phrase; areas: readonly string[] };

export const TOPICS: readonly Topic[] = [
  { name: ['public procurement', 'les marchés publics', 'las contrataciones públicas', 'ununuzi wa umma', 'as compras públicas'], areas: ['public-procurement', 'open-contracting'] },
  { name: ['the national budget', "le budget de l'État", 'el presupuesto nacional', 'bajeti ya taifa', 'o orçamento nacional'], areas: ['fiscal-openness', 'publication-of-budget-fiscal-information'] },
  { name: ['budget oversight', 'le contrôle budgétaire', 'el control presupuestario', 'usimamizi wa bajeti', 'o controlo orçamental'], areas: ['oversight-of-budget-fiscal-policies', 'fiscal-openness'] },
  { name: ['the beneficial ownership of companies', 'la propriété effective des entreprises', 'los beneficiarios finales de las empresas', 'umiliki manufaa wa makampuni', 'os beneficiários efetivos das empresas'], areas: ['beneficial-ownership', 'anti-corruption-and-integrity'] },
  { name: ['access to public information', "l'accès à l'information publique", 'el acceso a la información pública', 'upatikanaji wa taarifa za umma', 'o acesso à informação pública'], areas: ['right-to-information'] },
  { name: ['the extractive industries', 'les industries extractives', 'las industrias extractivas', 'sekta ya uziduaji', 'as indústrias extrativas'], areas: ['extractive-industries'] },
  { name: ['primary health care', 'les soins de santé primaires', 'la atención primaria de salud', 'huduma za afya ya msingi', 'os cuidados de saúde primários'], areas: ['health-and-nutrition', 'public-service-delivery'] },
  { name: ['public schools', 'les écoles publiques', 'las escuelas públicas', 'shule za umma', 'as escolas públicas'], areas: ['education', 'public-service-delivery'] },
  { name: ['the justice system', 'le système judiciaire', 'el sistema de justicia', 'mfumo wa haki', 'o sistema de justiça'], areas: ['justice', 'access-to-justice', 'judiciary'] },
  { name: ['the legislative process', 'le processus législatif', 'el proceso legislativo', 'mchakato wa kutunga sheria', 'o processo legislativo'], areas: ['open-parliaments', 'participation-in-lawmaking'] },
  { name: ['parliamentary oversight', 'le contrôle parlementaire', 'el control parlamentario', 'usimamizi wa bunge', 'a fiscalização parlamentar'], areas: ['open-parliaments', 'legislative-oversight'] },
  { name: ['climate adaptation', "l'adaptation au changement climatique", 'la adaptación al cambio climático', 'ukabilianaji na mabadiliko ya tabianchi', 'a adaptação às alterações climáticas'], areas: ['climate-mitigation-and-adaptation', 'environment-and-climate'] },
  { name: ['water and sanitation services', "les services d'eau et d'assainissement", 'los servicios de agua y saneamiento', 'huduma za maji na usafi wa mazingira', 'os serviços de água e saneamento'], areas: ['water-and-sanitation', 'public-service-delivery'] },
  { name: ['the asset declarations of public officials', 'les déclarations de patrimoine des agents publics', 'las declaraciones patrimoniales de los funcionarios', 'matamko ya mali ya viongozi wa umma', 'as declarações de património dos titulares de cargos públicos'], areas: ['asset-disclosure', 'conflicts-of-interest'] },
  { name: ['lobbying', "les activités de représentation d'intérêts", 'las actividades de cabildeo', 'shughuli za ushawishi wa kisera', 'as atividades de representação de interesses'], areas: ['lobbying', 'anti-corruption-and-integrity'] },
  { name: ['whistleblower protection', 'la protection des lanceurs d’alerte', 'la protección de los denunciantes', 'ulinzi wa watoa taarifa', 'a proteção dos denunciantes'], areas: ['whistleblower-protections'] },
  { name: ['tax administration', "l'administration fiscale", 'la administración tributaria', 'usimamizi wa kodi', 'a administração tributária'], areas: ['tax', 'fiscal-openness'] },
  { name: ['public debt', 'la dette publique', 'la deuda pública', 'deni la umma', 'a dívida pública'], areas: ['debt', 'fiscal-openness'] },
  { name: ['local government services', 'les services des collectivités locales', 'los servicios de los gobiernos locales', 'huduma za serikali za mitaa', 'os serviços das autarquias locais'], areas: ['subnational', 'public-service-delivery'] },
  { name: ['land administration', 'la gestion foncière', 'la administración de tierras', 'usimamizi wa ardhi', 'a administração de terras'], areas: ['land-and-spatial-planning'] },
  { name: ['gender equality in public life', "l'égalité entre les femmes et les hommes dans la vie publique", 'la igualdad de género en la vida pública', 'usawa wa kijinsia katika maisha ya umma', 'a igualdade de género na vida pública'], areas: ['gender', 'inclusion'] },
  { name: ['youth participation', 'la participation des jeunes', 'la participación de las juventudes', 'ushiriki wa vijana', 'a participação dos jovens'], areas: ['youth', 'public-participation'] },
  { name: ['personal data protection', 'la protection des données personnelles', 'la protección de datos personales', 'ulinzi wa data binafsi', 'a proteção de dados pessoais'], areas: ['data-stewardship-and-privacy', 'digital-governance'] },
  { name: ['digital public services', 'les services publics numériques', 'los servicios públicos digitales', 'huduma za umma za kidijitali', 'os serviços públicos digitais'], areas: ['digital-transformation', 'digital-governance'] },
  { name: ['political party finance', 'le financement des partis politiques', 'el financiamiento de los partidos políticos', 'ufadhili wa vyama vya siasa', 'o financiamento dos partidos políticos'], areas: ['political-finance', 'elections'] },
  { name: ['the electoral process', 'le processus électoral', 'el proceso electoral', 'mchakato wa uchaguzi', 'o processo eleitoral'], areas: ['elections'] },
  { name: ['civic space', "l'espace civique", 'el espacio cívico', 'uhuru wa kiraia', 'o espaço cívico'], areas: ['civic-space-and-enabling-environment', 'freedom-of-association', 'freedom-of-assembly'] },
  { name: ['press freedom', 'la liberté de la presse', 'la libertad de prensa', 'uhuru wa vyombo vya habari', 'a liberdade de imprensa'], areas: ['freedom-of-expression', 'media-and-telecommunications'] },
  { name: ['the police and prisons', 'la police et les prisons', 'la policía y el sistema penitenciario', 'polisi na magereza', 'a polícia e o sistema prisional'], areas: ['policing-and-corrections', 'security-and-public-safety'] },
  { name: ['services for persons with disabilities', 'les services aux personnes handicapées', 'los servicios para personas con discapacidad', 'huduma kwa watu wenye ulemavu', 'os serviços para pessoas com deficiência'], areas: ['people-with-disabilities', 'inclusion'] },
  { name: ['public infrastructure projects', "les projets d'infrastructures publiques", 'los proyectos de infraestructura pública', 'miradi ya miundombinu ya umma', 'os projetos de infraestruturas públicas'], areas: ['infrastructure-and-transport', 'open-contracting'] },
  { name: ['the energy sector', "le secteur de l'énergie", 'el sector energético', 'sekta ya nishati', 'o setor da energia'], areas: ['energy'] },
  { name: ['regulatory decisions', 'les décisions réglementaires', 'las decisiones regulatorias', 'maamuzi ya kiudhibiti', 'as decisões regulatórias'], areas: ['regulatory-governance', 'regulation'] },
  { name: ['the findings of public audits', 'les conclusions des audits publics', 'los hallazgos de las auditorías públicas', 'matokeo ya ukaguzi wa hesabu za umma', 'as conclusões das auditorias públicas'], areas: ['audits', 'legislative-oversight'] },
  { name: ['social protection programmes', 'les programmes de protection sociale', 'los programas de protección social', 'mipango ya hifadhi ya jamii', 'os programas de proteção social'], areas: ['economic-inclusion', 'social-accountability'] },
  { name: ['open data', 'les données ouvertes', 'los datos abiertos', 'data huria', 'os dados abertos'], areas: ['open-data'] },
  { name: ['public sector recruitment', 'le recrutement dans la fonction publique', 'el ingreso al servicio público', 'ajira katika utumishi wa umma', 'o recrutamento na administração pública'], areas: ['anti-corruption-and-integrity', 'conflicts-of-interest'] },
  { name: ['algorithms used by the administration', "les algorithmes utilisés par l'administration", 'los algoritmos que utiliza la administración', 'algoriti zinazotumiwa na serikali', 'os algoritmos usados pela administração'], areas: ['automated-decision-making', 'digital-governance'] },
  { name: ['gender-based violence', 'les violences fondées sur le genre', 'la violencia de género', 'ukatili wa kijinsia', 'a violência de género'], areas: ['gender-based-violence', 'gender'] },
  { name: ['economic recovery spending', 'les dépenses de relance économique', 'el gasto de reactivación económica', 'matumizi ya kufufua uchumi', 'a despesa de recuperação económica'], areas: ['stimulus-and-economic-recovery', 'fiscal-openness'] },
  { name: ['international aid', "l'aide internationale", 'la cooperación internacional', 'misaada ya kimataifa', 'a ajuda internacional'], areas: ['aid'] },
  { name: ['environmental permits', 'les autorisations environnementales', 'los permisos ambientales', 'vibali vya mazingira', 'as licenças ambientais'], areas: ['environmental-regulation', 'environment-and-climate'] },
];

/** Policy areas added beside a topic's own: the cross-cutting tags OGP puts on many commitments. */
export const CROSS_CUTTING_AREAS = ['capacity-building', 'legislation', 'public-participation', 'open-data', 'digital-participation',
  'sustainable-development-goals', 'human-rights', 'social-accountability', 'mainstreaming-participation', 'access-to-information'] as const;

/** Verbs in the infinitive, each taking an object. */
export const ACTIONS: readonly Phrase[] = [
  ['publish', 'publier', 'publicar', 'kuchapisha', 'publicar'],
  ['strengthen', 'renforcer', 'fortalecer', 'kuimarisha', 'reforçar'],
  ['establish', 'mettre en place', 'establecer', 'kuanzisha', 'criar'],
  ['adopt', 'adopter', 'adoptar', 'kupitisha', 'adotar'],
  ['review', 'réviser', 'revisar', 'kupitia upya', 'rever'],
  ['develop', 'élaborer', 'desarrollar', 'kuandaa', 'desenvolver'],
  ['expand', 'étendre', 'ampliar', 'kupanua', 'alargar'],
  ['improve', 'améliorer', 'mejorar', 'kuboresha', 'melhorar'],
  ['digitise', 'numériser', 'digitalizar', 'kuweka katika mfumo wa kidijitali', 'digitalizar'],
  ['evaluate', 'évaluer', 'evaluar', 'kutathmini', 'avaliar'],
  ['co-create', 'co-construire', 'co-crear', 'kuandaa kwa pamoja', 'cocriar'],
  ['institutionalise', 'institutionnaliser', 'institucionalizar', 'kurasimisha', 'institucionalizar'],
  ['pilot', 'expérimenter', 'poner a prueba', 'kufanya majaribio ya', 'testar'],
  ['harmonise', 'harmoniser', 'armonizar', 'kuoanisha', 'harmonizar'],
  ['update', 'actualiser', 'actualizar', 'kuhuisha', 'atualizar'],
  ['launch', 'lancer', 'poner en marcha', 'kuzindua', 'lançar'],
];

/** Things a commitment produces, with their article. */
export const OBJECTS: readonly Phrase[] = [
  ['a single online portal', 'un portail en ligne unique', 'un portal en línea único', 'tovuti moja ya mtandaoni', 'um portal único em linha'],
  ['open data standards', 'des normes de données ouvertes', 'estándares de datos abiertos', 'viwango vya data huria', 'normas de dados abertos'],
  ['a legal framework', 'un cadre juridique', 'un marco normativo', 'mfumo wa kisheria', 'um quadro jurídico'],
  ['a monitoring mechanism', 'un mécanisme de suivi', 'un mecanismo de seguimiento', 'utaratibu wa ufuatiliaji', 'um mecanismo de acompanhamento'],
  ['practical guidelines', 'des lignes directrices pratiques', 'lineamientos prácticos', 'miongozo ya vitendo', 'orientações práticas'],
  ['an annual public report', 'un rapport public annuel', 'un informe público anual', 'ripoti ya umma ya kila mwaka', 'um relatório público anual'],
  ['a public register', 'un registre public', 'un registro público', 'rejista ya umma', 'um registo público'],
  ['a complaints system', 'un système de traitement des plaintes', 'un sistema de atención de quejas', 'mfumo wa kushughulikia malalamiko', 'um sistema de tratamento de reclamações'],
  ['a multi-stakeholder forum', 'un forum multi-acteurs', 'un foro multiactor', 'jukwaa la wadau mbalimbali', 'um fórum multissetorial'],
  ['a training programme for public officials', 'un programme de formation des agents publics', 'un programa de capacitación para servidores públicos', 'programu ya mafunzo kwa watumishi wa umma', 'um programa de formação para trabalhadores da administração pública'],
  ['a set of performance indicators', "un ensemble d'indicateurs de performance", 'un conjunto de indicadores de desempeño', 'seti ya viashiria vya utendaji', 'um conjunto de indicadores de desempenho'],
  ['an interactive dashboard', 'un tableau de bord interactif', 'un tablero interactivo', 'dashibodi shirikishi', 'um painel interativo'],
  ['participatory budgeting rules', 'des règles de budget participatif', 'reglas de presupuesto participativo', 'kanuni za bajeti shirikishi', 'regras de orçamento participativo'],
  ['a citizen feedback platform', 'une plateforme de retour citoyen', 'una plataforma de participación ciudadana', 'jukwaa la maoni ya wananchi', 'uma plataforma de participação cidadã'],
  ['a code of conduct', 'un code de déontologie', 'un código de conducta', 'kanuni za maadili', 'um código de conduta'],
  ['an interoperable information system', "un système d'information interopérable", 'un sistema de información interoperable', 'mfumo wa taarifa unaoweza kuunganishwa na mingine', 'um sistema de informação interoperável'],
  ['clear service standards', 'des normes de service claires', 'estándares de servicio claros', 'viwango vya huduma vilivyo wazi', 'padrões de serviço claros'],
  ['a national strategy', 'une stratégie nationale', 'una estrategia nacional', 'mkakati wa kitaifa', 'uma estratégia nacional'],
  ['a methodology for social audits', "une méthodologie d'audit social", 'una metodología de auditoría social', 'mbinu ya ukaguzi wa kijamii', 'uma metodologia de auditoria social'],
  ['a public consultation protocol', 'un protocole de consultation publique', 'un protocolo de consulta pública', 'itifaki ya mashauriano ya umma', 'um protocolo de consulta pública'],
];

/** Groups a commitment serves or works with (always plural). */
export const BENEFICIARIES: readonly Phrase[] = [
  ['citizens', 'les citoyens', 'la ciudadanía', 'wananchi', 'os cidadãos'],
  ['civil society organisations', 'les organisations de la société civile', 'las organizaciones de la sociedad civil', 'asasi za kiraia', 'as organizações da sociedade civil'],
  ['women and girls', 'les femmes et les filles', 'las mujeres y las niñas', 'wanawake na wasichana', 'as mulheres e as raparigas'],
  ['young people', 'les jeunes', 'las personas jóvenes', 'vijana', 'os jovens'],
  ['journalists', 'les journalistes', 'las y los periodistas', 'waandishi wa habari', 'os jornalistas'],
  ['rural communities', 'les communautés rurales', 'las comunidades rurales', 'jamii za vijijini', 'as comunidades rurais'],
  ['small businesses', 'les petites entreprises', 'las pequeñas empresas', 'wafanyabiashara wadogo', 'as pequenas empresas'],
  ['persons with disabilities', 'les personnes handicapées', 'las personas con discapacidad', 'watu wenye ulemavu', 'as pessoas com deficiência'],
  ['researchers', 'les chercheurs', 'las personas investigadoras', 'watafiti', 'os investigadores'],
  ['local authorities', 'les autorités locales', 'las autoridades locales', 'mamlaka za serikali za mitaa', 'as autoridades locais'],
  ['indigenous peoples', 'les peuples autochtones', 'los pueblos indígenas', 'jamii za asili', 'os povos indígenas'],
  ['public servants', 'les agents publics', 'las personas servidoras públicas', 'watumishi wa umma', 'os trabalhadores da administração pública'],
];

/** What is wrong today (whole clauses, for the status quo). */
export const PROBLEMS: readonly Phrase[] = [
  ['information is scattered across many institutions and rarely published in reusable formats',
    "l'information est dispersée entre de nombreuses institutions et rarement publiée dans des formats réutilisables",
    'la información está dispersa entre muchas instituciones y rara vez se publica en formatos reutilizables',
    'taarifa zimetawanyika katika taasisi nyingi na mara chache huchapishwa katika miundo inayoweza kutumika tena',
    'a informação está dispersa por muitas instituições e raramente é publicada em formatos reutilizáveis'],
  ['few citizens know how to file a request or a complaint',
    'peu de citoyens savent comment déposer une demande ou une plainte',
    'pocas personas saben cómo presentar una solicitud o una queja',
    'wananchi wachache wanajua jinsi ya kuwasilisha ombi au malalamiko',
    'poucos cidadãos sabem como apresentar um pedido ou uma reclamação'],
  ['existing rules are applied unevenly from one region to another',
    "les règles existantes sont appliquées de manière inégale d'une région à l'autre",
    'las normas vigentes se aplican de forma desigual de una región a otra',
    'sheria zilizopo zinatekelezwa kwa namna tofauti kutoka mkoa mmoja hadi mwingine',
    'as regras existentes são aplicadas de forma desigual de uma região para outra'],
  ['oversight bodies lack the data and the staff to follow up on their findings',
    'les organes de contrôle manquent de données et de personnel pour donner suite à leurs constats',
    'los órganos de control carecen de datos y de personal para dar seguimiento a sus hallazgos',
    'vyombo vya usimamizi havina data wala watumishi wa kutosha kufuatilia matokeo yao',
    'os órgãos de controlo não dispõem de dados nem de pessoal para dar seguimento às suas conclusões'],
  ['civil society is consulted late, when decisions have already been taken',
    'la société civile est consultée tardivement, lorsque les décisions sont déjà prises',
    'la sociedad civil es consultada tarde, cuando las decisiones ya se han tomado',
    'asasi za kiraia hushirikishwa kwa kuchelewa, baada ya maamuzi kufanyika',
    'a sociedade civil é consultada tarde, quando as decisões já foram tomadas'],
  ['data are published as scanned documents that cannot be searched or compared',
    'les données sont publiées sous forme de documents numérisés impossibles à rechercher ou à comparer',
    'los datos se publican como documentos escaneados que no se pueden buscar ni comparar',
    'data huchapishwa kama nyaraka zilizoskaniwa ambazo haziwezi kutafutwa wala kulinganishwa',
    'os dados são publicados como documentos digitalizados que não podem ser pesquisados nem comparados'],
  ['public trust in institutions has fallen over the last decade',
    'la confiance du public dans les institutions a reculé au cours de la dernière décennie',
    'la confianza ciudadana en las instituciones ha disminuido en la última década',
    'imani ya umma kwa taasisi imepungua katika muongo uliopita',
    'a confiança do público nas instituições diminuiu na última década'],
  ['previous reforms were not given a budget for their implementation',
    "les réformes précédentes n'ont pas été dotées d'un budget pour leur mise en œuvre",
    'las reformas anteriores no contaron con presupuesto para su implementación',
    'mageuzi ya awali hayakutengewa bajeti ya utekelezaji',
    'as reformas anteriores não foram dotadas de orçamento para a sua execução'],
  ['women and marginalised groups remain under-represented in decision-making',
    'les femmes et les groupes marginalisés restent sous-représentés dans la prise de décision',
    'las mujeres y los grupos marginados siguen subrepresentados en la toma de decisiones',
    'wanawake na makundi yaliyotengwa bado hawawakilishwi ipasavyo katika kufanya maamuzi',
    'as mulheres e os grupos marginalizados continuam sub-representados na tomada de decisões'],
  ['institutions do not share a common identifier, so their records cannot be linked',
    "les institutions n'utilisent pas d'identifiant commun, si bien que leurs registres ne peuvent pas être reliés",
    'las instituciones no comparten un identificador común, por lo que sus registros no pueden vincularse',
    'taasisi hazitumii kitambulisho kimoja, hivyo kumbukumbu zao haziwezi kuunganishwa',
    'as instituições não partilham um identificador comum, pelo que os seus registos não podem ser ligados'],
  ['requests for information often go unanswered beyond the legal deadline',
    'les demandes d’information restent souvent sans réponse au-delà du délai légal',
    'las solicitudes de información a menudo quedan sin respuesta más allá del plazo legal',
    'maombi ya taarifa mara nyingi hayajibiwi ndani ya muda uliowekwa kisheria',
    'os pedidos de informação ficam muitas vezes sem resposta para além do prazo legal'],
  ['the rules date from before the internet and say nothing about digital records',
    "les règles datent d'avant internet et ne disent rien des documents numériques",
    'las normas son anteriores a internet y no dicen nada sobre los registros digitales',
    'kanuni zilitungwa kabla ya intaneti na hazisemi chochote kuhusu kumbukumbu za kidijitali',
    'as regras são anteriores à internet e nada dizem sobre os registos digitais'],
];

/** What a commitment hopes for (noun phrases). */
export const GOALS: readonly Phrase[] = [
  ['greater accountability', 'une plus grande redevabilité', 'una mayor rendición de cuentas', 'uwajibikaji zaidi', 'uma maior prestação de contas'],
  ['better public services', 'de meilleurs services publics', 'mejores servicios públicos', 'huduma bora zaidi za umma', 'melhores serviços públicos'],
  ['restored public trust', 'le rétablissement de la confiance du public', 'la recuperación de la confianza ciudadana', 'kurejesha imani ya umma', 'a recuperação da confiança do público'],
  ['lower risks of corruption', 'une réduction des risques de corruption', 'menores riesgos de corrupción', 'kupunguza hatari za rushwa', 'menores riscos de corrupção'],
  ['more inclusive decisions', 'des décisions plus inclusives', 'decisiones más inclusivas', 'maamuzi jumuishi zaidi', 'decisões mais inclusivas'],
  ['a more efficient use of public funds', 'une utilisation plus efficace des fonds publics', 'un uso más eficiente de los recursos públicos', 'matumizi bora zaidi ya fedha za umma', 'uma utilização mais eficiente dos fundos públicos'],
  ['an informed public debate', 'un débat public éclairé', 'un debate público informado', 'mjadala wa umma wenye taarifa sahihi', 'um debate público informado'],
  ['faster answers to citizens', 'des réponses plus rapides aux citoyens', 'respuestas más rápidas a la ciudadanía', 'majibu ya haraka zaidi kwa wananchi', 'respostas mais rápidas aos cidadãos'],
];

/**
 * Sentences of a description, with slots: {action} {object} {topic} {beneficiary} {problem} {goal} {goal2}
 * {action2} {object2} {year}. One template in five languages.
 */
export const DESCRIPTION_SENTENCES: readonly Phrase[] = [
  ['This commitment aims to {action} {object} for {topic}.',
    'Cet engagement vise à {action} {object} pour {topic}.',
    'Este compromiso busca {action} {object} para {topic}.',
    'Ahadi hii inalenga {action} {object} kwa ajili ya {topic}.',
    'Este compromisso pretende {action} {object} para {topic}.'],
  ['At present, {problem}.', "À l'heure actuelle, {problem}.", 'En la actualidad, {problem}.', 'Kwa sasa, {problem}.', 'Atualmente, {problem}.'],
  ['The lead institutions will {action} {object} together with {beneficiary}.',
    'Les institutions responsables vont {action} {object} avec {beneficiary}.',
    'Las instituciones responsables van a {action} {object} junto con {beneficiary}.',
    'Taasisi zinazoongoza zitashirikiana na {beneficiary} {action} {object}.',
    'As instituições responsáveis vão {action} {object} em conjunto com {beneficiary}.'],
  ['The expected result is {goal} in {topic}.',
    'Le résultat attendu est {goal} dans {topic}.',
    'El resultado esperado es {goal} en {topic}.',
    'Matokeo yanayotarajiwa ni {goal} katika {topic}.',
    'O resultado esperado é {goal} em {topic}.'],
  ['It builds on the work of {beneficiary} and on the lessons of the previous action plan.',
    "Il s'appuie sur le travail de {beneficiary} et sur les leçons du plan d'action précédent.",
    'Se basa en el trabajo de {beneficiary} y en las lecciones del plan de acción anterior.',
    'Inajenga juu ya kazi ya {beneficiary} na mafunzo ya mpango kazi uliopita.',
    'Baseia-se no trabalho de {beneficiary} e nas lições do plano de ação anterior.'],
  ['To make this possible, the government will {action} {object} and {action2} {object2}.',
    'Pour y parvenir, le gouvernement va {action} {object} et {action2} {object2}.',
    'Para lograrlo, el gobierno va a {action} {object} y {action2} {object2}.',
    'Ili kufanikisha hili, serikali itajitahidi {action} {object} na {action2} {object2}.',
    'Para tal, o governo vai {action} {object} e {action2} {object2}.'],
  ['Particular attention will be paid to {beneficiary}, whose voices are often missing from debates on {topic}.',
    'Une attention particulière sera portée à {beneficiary}, dont la voix manque souvent dans les débats sur {topic}.',
    'Se prestará especial atención a {beneficiary}, cuya voz suele faltar en los debates sobre {topic}.',
    'Kipaumbele maalum kitatolewa kwa {beneficiary}, ambao sauti zao mara nyingi hazisikiki katika mijadala kuhusu {topic}.',
    'Será dada especial atenção a {beneficiary}, cuja voz falta muitas vezes nos debates sobre {topic}.'],
  ['Progress will be published every six months so that anyone can follow it.',
    'Les progrès seront publiés tous les six mois afin que chacun puisse les suivre.',
    'Los avances se publicarán cada seis meses para que cualquier persona pueda seguirlos.',
    'Maendeleo yatachapishwa kila baada ya miezi sita ili mtu yeyote aweze kuyafuatilia.',
    'Os progressos serão publicados de seis em seis meses para que qualquer pessoa os possa acompanhar.'],
  ['The commitment responds to demands raised by {beneficiary} during the consultations on {topic}.',
    "L'engagement répond aux demandes exprimées par {beneficiary} lors des consultations sur {topic}.",
    'El compromiso responde a las demandas planteadas por {beneficiary} durante las consultas sobre {topic}.',
    'Ahadi hii inajibu madai yaliyotolewa na {beneficiary} wakati wa mashauriano kuhusu {topic}.',
    'O compromisso responde às reivindicações apresentadas por {beneficiary} durante as consultas sobre {topic}.'],
  ['By {year}, the government expects to {action} {object} and to review the results with {beneficiary}.',
    "D'ici {year}, le gouvernement prévoit de {action} {object} et d'en examiner les résultats avec {beneficiary}.",
    'Para {year}, el gobierno prevé {action} {object} y revisar los resultados con {beneficiary}.',
    'Kufikia mwaka {year}, serikali inatarajia {action} {object} na kupitia matokeo pamoja na {beneficiary}.',
    'Até {year}, o governo prevê {action} {object} e rever os resultados com {beneficiary}.'],
  ['This will contribute to {goal} and to {goal2}.',
    'Cela contribuera à {goal} et à {goal2}.',
    'Esto contribuirá a {goal} y a {goal2}.',
    'Hili litachangia {goal} na {goal2}.',
    'Isto contribuirá para {goal} e para {goal2}.'],
  ['An interinstitutional working group will meet every quarter to coordinate the work on {topic}.',
    'Un groupe de travail interinstitutionnel se réunira chaque trimestre pour coordonner les travaux sur {topic}.',
    'Una mesa de trabajo interinstitucional se reunirá cada trimestre para coordinar el trabajo sobre {topic}.',
    'Kikundi kazi cha taasisi mbalimbali kitakutana kila robo mwaka kuratibu kazi kuhusu {topic}.',
    'Um grupo de trabalho interinstitucional reunir-se-á todos os trimestres para coordenar o trabalho sobre {topic}.'],
];

/** The first sentence of every description says what the commitment is for (template 0); the status quo uses 1. */
export const AMBITION_SENTENCE: Phrase = [
  'The commitment aims for {goal} and {goal2}, beyond what current practice in {topic} allows.',
  "L'engagement vise {goal} et {goal2}, au-delà de ce que permet la pratique actuelle dans {topic}.",
  'El compromiso apunta a {goal} y {goal2}, más allá de lo que permite la práctica actual en {topic}.',
  'Ahadi inalenga {goal} na {goal2}, zaidi ya kile kinachowezekana kwa sasa katika {topic}.',
  'O compromisso visa {goal} e {goal2}, para além do que a prática atual permite em {topic}.',
];

export const TITLES: readonly Phrase[] = [
  ['{Action} {object} for {topic}', '{Action} {object} pour {topic}', '{Action} {object} para {topic}', '{Action} {object} kwa ajili ya {topic}', '{Action} {object} para {topic}'],
  ['Transparency in {topic}', 'Transparence de {topic}', 'Transparencia en {topic}', 'Uwazi katika {topic}', 'Transparência em {topic}'],
  ['Citizen participation in {topic}', 'Participation citoyenne à {topic}', 'Participación ciudadana en {topic}', 'Ushiriki wa wananchi katika {topic}', 'Participação cidadã em {topic}'],
  ['Open data on {topic}', 'Données ouvertes sur {topic}', 'Datos abiertos sobre {topic}', 'Data huria kuhusu {topic}', 'Dados abertos sobre {topic}'],
  ['Accountability in {topic}', 'Redevabilité dans {topic}', 'Rendición de cuentas en {topic}', 'Uwajibikaji katika {topic}', 'Prestação de contas em {topic}'],
  ['{Action} {object}', '{Action} {object}', '{Action} {object}', '{Action} {object}', '{Action} {object}'],
];

export const MILESTONES: readonly Phrase[] = [
  ['{Action} {object}', '{Action} {object}', '{Action} {object}', '{Action} {object}', '{Action} {object}'],
  ['{Action} {object} on {topic}', '{Action} {object} sur {topic}', '{Action} {object} sobre {topic}', '{Action} {object} kuhusu {topic}', '{Action} {object} sobre {topic}'],
  ['Train {beneficiary} to use {object}', "Former {beneficiary} à l'utilisation de {object}", 'Capacitar a {beneficiary} en el uso de {object}',
    'Kutoa mafunzo kwa {beneficiary} kuhusu matumizi ya {object}', 'Formar {beneficiary} na utilização de {object}'],
  ['Hold public consultations with {beneficiary} on {topic}', 'Organiser des consultations publiques avec {beneficiary} sur {topic}',
    'Realizar consultas públicas con {beneficiary} sobre {topic}', 'Kufanya mashauriano ya umma na {beneficiary} kuhusu {topic}',
    'Realizar consultas públicas com {beneficiary} sobre {topic}'],
  ['Publish a progress report on {topic}', "Publier un rapport d'avancement sur {topic}", 'Publicar un informe de avance sobre {topic}',
    'Kuchapisha ripoti ya maendeleo kuhusu {topic}', 'Publicar um relatório de progresso sobre {topic}'],
  ['Evaluate the results of {object} with {beneficiary}', 'Évaluer les résultats de {object} avec {beneficiary}',
    'Evaluar los resultados de {object} con {beneficiary}', 'Kutathmini matokeo ya {object} pamoja na {beneficiary}',
    'Avaliar os resultados de {object} com {beneficiary}'],
];

export const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  sw: ['Januari', 'Februari', 'Machi', 'Aprili', 'Mei', 'Juni', 'Julai', 'Agosti', 'Septemba', 'Oktoba', 'Novemba', 'Desemba'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};

/** How each language writes a month, a quarter and a year as a date. */
export const DATE_FORMS: Record<Language, { month(m: number, y: number): string; quarter(q: number, y: number): string }> = {
  en: { month: (m, y) => `${MONTHS.en[m - 1]} ${y}`, quarter: (q, y) => `Q${q} ${y}` },
  fr: { month: (m, y) => `${MONTHS.fr[m - 1]} ${y}`, quarter: (q, y) => `${q === 1 ? '1er' : `${q}e`} trimestre ${y}` },
  es: { month: (m, y) => `${MONTHS.es[m - 1]} de ${y}`, quarter: (q, y) => `${['primer', 'segundo', 'tercer', 'cuarto'][q - 1]} trimestre de ${y}` },
  sw: { month: (m, y) => `${MONTHS.sw[m - 1]} ${y}`, quarter: (q, y) => `Robo ya ${['kwanza', 'pili', 'tatu', 'nne'][q - 1]} ya ${y}` },
  pt: { month: (m, y) => `${MONTHS.pt[m - 1]} de ${y}`, quarter: (q, y) => `${q}.º trimestre de ${y}` },
};

/** An institution a member may have, named in each language. */
export type InstitutionEntry = { name: Phrase; kind: string };

const inst = (kind: string, ...names: Phrase[]): InstitutionEntry[] => names.map((name) => ({ name, kind }));

export const NATIONAL_INSTITUTIONS: readonly InstitutionEntry[] = [
  ...inst('ministry',
    ['Ministry of Finance', 'Ministère des Finances', 'Ministerio de Hacienda', 'Wizara ya Fedha', 'Ministério das Finanças'],
    ['Ministry of Justice', 'Ministère de la Justice', 'Ministerio de Justicia', 'Wizara ya Katiba na Sheria', 'Ministério da Justiça'],
    ['Ministry of Health', 'Ministère de la Santé', 'Ministerio de Salud', 'Wizara ya Afya', 'Ministério da Saúde'],
    ['Ministry of Education', "Ministère de l'Éducation nationale", 'Ministerio de Educación', 'Wizara ya Elimu', 'Ministério da Educação'],
    ['Ministry of the Interior', "Ministère de l'Intérieur", 'Ministerio del Interior', 'Wizara ya Mambo ya Ndani', 'Ministério da Administração Interna'],
    ['Ministry of Environment', "Ministère de l'Environnement", 'Ministerio de Ambiente', 'Wizara ya Mazingira', 'Ministério do Ambiente'],
    ['Ministry of Public Administration', 'Ministère de la Fonction publique', 'Ministerio de la Función Pública', 'Wizara ya Utumishi wa Umma', 'Ministério da Administração Pública'],
    ['Ministry of Digital Affairs', 'Ministère du Numérique', 'Ministerio de Transformación Digital', 'Wizara ya Habari na Teknolojia', 'Ministério da Transformação Digital'],
    ['Ministry of Labour', 'Ministère du Travail', 'Ministerio de Trabajo', 'Wizara ya Kazi', 'Ministério do Trabalho'],
    ['Ministry of Agriculture', "Ministère de l'Agriculture", 'Ministerio de Agricultura', 'Wizara ya Kilimo', 'Ministério da Agricultura'],
    ['Ministry of Transport and Infrastructure', 'Ministère des Transports et des Infrastructures', 'Ministerio de Transporte e Infraestructura', 'Wizara ya Uchukuzi na Miundombinu', 'Ministério dos Transportes e Infraestruturas'],
    ['Ministry of Energy and Mines', "Ministère de l'Énergie et des Mines", 'Ministerio de Energía y Minas', 'Wizara ya Nishati na Madini', 'Ministério da Energia e Minas'],
    ['Ministry of Gender and Social Affairs', 'Ministère de la Femme et des Affaires sociales', 'Ministerio de la Mujer y Asuntos Sociales', 'Wizara ya Jinsia na Ustawi wa Jamii', 'Ministério da Mulher e Ação Social'],
    ['Ministry of Local Government', 'Ministère de la Décentralisation', 'Ministerio de Gobiernos Locales', 'Wizara ya Serikali za Mitaa', 'Ministério da Administração Local'],
  ),
  ...inst('agency',
    ['National Statistics Office', 'Institut national de la statistique', 'Instituto Nacional de Estadística', 'Ofisi ya Taifa ya Takwimu', 'Instituto Nacional de Estatística'],
    ['Public Procurement Regulatory Authority', 'Autorité de régulation des marchés publics', 'Dirección de Contrataciones Públicas', 'Mamlaka ya Udhibiti wa Ununuzi wa Umma', 'Autoridade Reguladora das Compras Públicas'],
    ['Revenue Authority', 'Direction générale des impôts', 'Servicio de Administración Tributaria', 'Mamlaka ya Mapato', 'Autoridade Tributária'],
    ['Digital Government Agency', "Agence du numérique de l'État", 'Agencia de Gobierno Digital', 'Wakala wa Serikali Mtandao', 'Agência para a Modernização Administrativa'],
    ['Office of the President', 'Présidence de la République', 'Presidencia de la República', 'Ofisi ya Rais', 'Presidência da República'],
    ['Office of the Prime Minister', 'Services du Premier ministre', 'Jefatura de Gabinete de Ministros', 'Ofisi ya Waziri Mkuu', 'Gabinete do Primeiro-Ministro'],
    ['Companies Registry', 'Registre du commerce et des sociétés', 'Registro Mercantil', 'Wakala wa Usajili wa Biashara na Leseni', 'Registo Comercial'],
    ['National Archives', 'Archives nationales', 'Archivo General de la Nación', 'Idara ya Kumbukumbu na Nyaraka za Taifa', 'Arquivo Nacional'],
  ),
  ...inst('independent_commission',
    ['Anti-Corruption Commission', 'Commission nationale de lutte contre la corruption', 'Comisión Nacional Anticorrupción', 'Tume ya Kupambana na Rushwa', 'Comissão Nacional Anticorrupção'],
    ['Office of the Ombudsman', 'Médiateur de la République', 'Defensoría del Pueblo', 'Tume ya Haki za Binadamu na Utawala Bora', 'Provedoria de Justiça'],
    ['Information Commission', "Commission d'accès aux documents administratifs", 'Consejo para la Transparencia', 'Tume ya Habari', 'Comissão de Acesso aos Documentos Administrativos'],
    ['Electoral Commission', 'Commission électorale nationale indépendante', 'Consejo Nacional Electoral', 'Tume ya Taifa ya Uchaguzi', 'Comissão Nacional de Eleições'],
    ['Supreme Audit Office', 'Cour des comptes', 'Contraloría General de la República', 'Ofisi ya Mkaguzi Mkuu wa Hesabu za Serikali', 'Tribunal de Contas'],
    ['Data Protection Commission', 'Autorité de protection des données personnelles', 'Agencia de Protección de Datos', 'Tume ya Ulinzi wa Data Binafsi', 'Comissão Nacional de Proteção de Dados'],
  ),
  ...inst('parliament',
    ['National Assembly', 'Assemblée nationale', 'Asamblea Nacional', 'Bunge la Taifa', 'Assembleia Nacional'],
    ['Senate', 'Sénat', 'Senado de la República', 'Baraza la Seneti', 'Senado Federal'],
  ),
  ...inst('judiciary',
    ['Supreme Court', 'Cour suprême', 'Corte Suprema de Justicia', 'Mahakama ya Juu', 'Supremo Tribunal de Justiça'],
    ['Judicial Council', 'Conseil supérieur de la magistrature', 'Consejo de la Judicatura', 'Tume ya Utumishi wa Mahakama', 'Conselho Superior da Magistratura'],
  ),
  ...inst('subnational_government',
    ['Association of Local Governments', 'Association des maires', 'Federación de Municipios', 'Jumuiya ya Tawala za Mitaa', 'Associação Nacional de Municípios'],
  ),
  ...otherActors(),
];

export const LOCAL_INSTITUTIONS: readonly InstitutionEntry[] = [
  ...inst('subnational_government',
    ['City Council', 'Conseil municipal', 'Concejo Municipal', 'Baraza la Jiji', 'Assembleia Municipal'],
    ['Office of the Mayor', 'Cabinet du maire', 'Despacho de la Alcaldía', 'Ofisi ya Meya', 'Gabinete do Presidente da Câmara'],
    ['Municipal Finance Department', 'Direction des finances municipales', 'Secretaría de Hacienda Municipal', 'Idara ya Fedha ya Jiji', 'Departamento de Finanças Municipais'],
    ['Municipal Transparency Office', 'Bureau municipal de la transparence', 'Oficina Municipal de Transparencia', 'Ofisi ya Uwazi ya Jiji', 'Gabinete Municipal de Transparência'],
    ['Department of Urban Planning', "Direction de l'urbanisme", 'Secretaría de Planeación Urbana', 'Idara ya Mipango Miji', 'Departamento de Urbanismo'],
    ['Department of Health and Social Services', 'Direction de la santé et des affaires sociales', 'Secretaría de Salud y Desarrollo Social', 'Idara ya Afya na Ustawi wa Jamii', 'Departamento de Saúde e Ação Social'],
    ['Municipal Water Utility', 'Régie municipale des eaux', 'Empresa Municipal de Agua', 'Mamlaka ya Maji ya Jiji', 'Serviços Municipalizados de Água'],
    ['Department of Digital Services', 'Direction des services numériques', 'Dirección de Gobierno Digital', 'Idara ya Huduma za Kidijitali', 'Departamento de Serviços Digitais'],
  ),
  ...otherActors(),
];

function otherActors(): InstitutionEntry[] {
  return [
    ...inst('civil_society',
      ['Transparency Forum', 'Forum pour la transparence', 'Foro por la Transparencia', 'Jukwaa la Uwazi', 'Fórum para a Transparência'],
      ['Open Budget Coalition', 'Coalition pour un budget ouvert', 'Coalición por un Presupuesto Abierto', 'Muungano wa Bajeti Huria', 'Coligação pelo Orçamento Aberto'],
      ["Citizens' Network for Accountability", 'Réseau citoyen pour la redevabilité', 'Red Ciudadana por la Rendición de Cuentas', 'Mtandao wa Wananchi wa Uwajibikaji', 'Rede Cidadã pela Prestação de Contas'],
      ["Women's Rights Alliance", 'Alliance pour les droits des femmes', 'Alianza por los Derechos de las Mujeres', 'Muungano wa Haki za Wanawake', 'Aliança pelos Direitos das Mulheres'],
      ['Youth for Open Government', 'Jeunesse pour un gouvernement ouvert', 'Juventudes por el Gobierno Abierto', 'Vijana kwa Serikali Huria', 'Juventude pelo Governo Aberto'],
      ['Legal Aid Society', "Clinique d'aide juridique", 'Centro de Asistencia Jurídica', 'Chama cha Msaada wa Kisheria', 'Associação de Apoio Jurídico'],
      ['Open Data Collective', 'Collectif pour les données ouvertes', 'Colectivo de Datos Abiertos', 'Kikundi cha Data Huria', 'Coletivo de Dados Abertos'],
    ),
    ...inst('academia',
      ['National University', 'Université nationale', 'Universidad Nacional', 'Chuo Kikuu cha Taifa', 'Universidade Nacional'],
      ['Institute for Public Policy Research', 'Institut de recherche sur les politiques publiques', 'Instituto de Investigación en Políticas Públicas', 'Taasisi ya Utafiti wa Sera za Umma', 'Instituto de Investigação em Políticas Públicas'],
    ),
    ...inst('private_sector',
      ['Chamber of Commerce and Industry', "Chambre de commerce et d'industrie", 'Cámara de Comercio e Industria', 'Chemba ya Biashara na Viwanda', 'Câmara de Comércio e Indústria'],
    ),
    ...inst('media',
      ['Union of Journalists', 'Union des journalistes', 'Asociación de Periodistas', 'Umoja wa Waandishi wa Habari', 'Sindicato dos Jornalistas'],
    ),
    ...inst('international_body',
      ['United Nations Development Programme', 'Programme des Nations unies pour le développement', 'Programa de las Naciones Unidas para el Desarrollo', 'Shirika la Umoja wa Mataifa la Maendeleo', 'Programa das Nações Unidas para o Desenvolvimento'],
      ['World Bank', 'Banque mondiale', 'Banco Mundial', 'Benki ya Dunia', 'Banco Mundial'],
    ),
  ];
}

/** Syllables of invented place names (members, cities): pronounceable, and matching no real country. */
export const NAME_ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'tr', 'st', 'sh', 'th', 'ch', 'gr', 'pl'] as const;
export const NAME_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'] as const;
export const NAME_ENDINGS = ['ria', 'nia', 'land', 'stan', 'ora', 'ava', 'ene', 'ador', 'ica', 'esh', 'ovo', 'ana', 'ara', 'ia', 'is', 'ar'] as const;

/** OGP's regions, and the languages members there write their plans in (weights). */
export const REGIONS: Record<string, { weight: number; languages: Partial<Record<Language, number>> }> = {
  'Africa and the Middle East': { weight: 30, languages: { en: 40, fr: 35, sw: 15, pt: 10 } },
  'Americas': { weight: 25, languages: { es: 60, en: 25, pt: 10, fr: 5 } },
  'Asia and the Pacific': { weight: 20, languages: { en: 100 } },
  'Europe': { weight: 25, languages: { en: 40, fr: 25, es: 15, pt: 20 } },
};
