import { describe, it, expect } from 'vitest';
import { inferInstitutionKind } from './infer-institution-kind.ts';

describe('inferInstitutionKind: every institution on the KE0031 seed page', () => {
  it.each([
    ['Bureau du vice-président', 'lead', 'agency'],
    ['Commission de la justice administrative', 'lead', 'independent_commission'],
    ['MDA', 'government', 'agency'],
    ['Sénat', 'government', 'parliament'],
    ['Assemblée nationale', 'government', 'parliament'],
    ['Conseil des gouverneurs', 'government', 'subnational_government'],
    ['Forum des assemblées de comté', 'government', 'subnational_government'],
    ['Pouvoir judiciaire', 'government', 'judiciary'],
    ['Ministère des Affaires étrangères', 'government', 'ministry'],
    ['NEPAD/MAEP', 'government', 'international_body'],
    ['IDS-UON', 'other', 'academia'],
    ['Universités et collèges', 'other', 'academia'],
    ['Médias', 'other', 'media'],
    ['OSC', 'other', 'civil_society'],
  ] as const)('%s (%s) → %s', (name, group, kind) => {
    expect(inferInstitutionKind(name, group)).toBe(kind);
  });
});

describe('inferInstitutionKind: the same bodies in other languages', () => {
  it.each([
    ['Office of the Deputy President', 'agency'],
    ['Commission on Administrative Justice', 'independent_commission'],
    ['Comisión Nacional de Transparencia', 'independent_commission'],
    ['Tume ya Haki ya Utawala', 'independent_commission'],
    ['Ministry of Foreign Affairs', 'ministry'],
    ['Ministerio de Medio Ambiente', 'ministry'],
    ['Wizara ya Mambo ya Nje', 'ministry'],
    ['The Senate', 'parliament'],
    ['Senado de la República', 'parliament'],
    ['National Assembly', 'parliament'],
    ['Parliament of Kenya', 'parliament'],
    ['Parlement', 'parliament'],
    ['Congreso de la Nación', 'parliament'],
    ['Bunge la Kenya', 'parliament'],
    ['The Judiciary', 'judiciary'],
    ['Poder Judicial', 'judiciary'],
    ['Supreme Court', 'judiciary'],
    ['Tribunal Supremo', 'judiciary'],
    ['Mahakama ya Juu', 'judiciary'],
    ['Council of Governors', 'subnational_government'],
    ['County Assemblies Forum', 'subnational_government'],
    ['Makueni County Government', 'subnational_government'],
    ['Gobierno Estatal de Jalisco', 'subnational_government'],
    ['Municipalidad de Buenos Aires', 'subnational_government'],
    ['Serikali ya Kaunti ya Nairobi', 'subnational_government'],
    ['State government of Jalisco', 'subnational_government'],
    ['NEPAD/APRM', 'international_body'],
    ['UN Women', 'international_body'],
    ['World Bank', 'international_body'],
    ['African Union', 'international_body'],
    ['Kenya Revenue Authority', 'agency'],
    ['Agence nationale de la statistique', 'agency'],
    ['MDAs', 'agency'],
  ] as const)('%s → %s', (name, kind) => {
    expect(inferInstitutionKind(name, 'government')).toBe(kind);
  });

  it.each([
    ['University of Nairobi', 'academia'],
    ['Universidad de Chile', 'academia'],
    ['Chuo Kikuu cha Nairobi', 'academia'],
    ['Media Council', 'media'],
    ['Medios de comunicación', 'media'],
    ['Vyombo vya Habari', 'media'],
    ['CSOs', 'civil_society'],
    ['Civil Society Reference Group', 'civil_society'],
    ['Société civile', 'civil_society'],
    ['Organizaciones de la sociedad civil', 'civil_society'],
    ['ONG locales', 'civil_society'],
    ['NGO Coordination Board', 'civil_society'],
    ['Kenya Private Sector Alliance', 'private_sector'],
    ['Secteur privé', 'private_sector'],
    ['Sector privado', 'private_sector'],
    ['Chamber of Commerce and Industry', 'private_sector'],
  ] as const)('%s (other actor) → %s', (name, kind) => {
    expect(inferInstitutionKind(name, 'other')).toBe(kind);
  });
});

describe('inferInstitutionKind: fallbacks and false friends', () => {
  it('calls an unknown government or lead body an agency', () => {
    expect(inferInstitutionKind('National Treasury', 'government')).toBe('agency');
    expect(inferInstitutionKind('Kenya Law', 'lead')).toBe('agency');
  });

  it('does not guess for an unknown other actor', () => {
    expect(inferInstitutionKind('Mzalendo Trust', 'other')).toBe('other');
  });

  it('ignores case and accents', () => {
    expect(inferInstitutionKind('MINISTERE DE LA SANTE', 'government')).toBe('ministry');
    expect(inferInstitutionKind('senat', 'government')).toBe('parliament');
    expect(inferInstitutionKind('pouvoir JUDICIAIRE', 'government')).toBe('judiciary');
  });

  it('does not take the French article "un" for the United Nations', () => {
    expect(inferInstitutionKind('Un réseau de citoyens', 'other')).toBe('other');
  });
});

// Names as they are written in the lead and supporting institution columns of the OGP open-parliament extract
// (../shared/data/ogp/ogp_commitments_open_parliament_2024-07.csv), where legislatures were once typed as agencies.
describe('inferInstitutionKind: legislatures of the OGP open-parliament extract', () => {
  it.each([
    ['House of Representatives', 'lead'],
    ['House of Representatives of the States General', 'lead'],
    ['Secretariat General of the House of Representatives', 'lead'],
    ['Office of the Clerk of the House', 'lead'],
    ['The Senate of the Republic of Kenya', 'lead'],
    ['Chamber of Senators', 'lead'],
    ['Chamber of Deputies of the Nation', 'government'],
    ['Cámara de Diputados', 'government'],
    ['Actores de gobierno De la Cámara de Diputadas y Diputados', 'government'],
    ['Poder Legislativo – Cámara de Senadores', 'lead'],
    ['Asamblea Legislativa de la República de Costa Rica', 'lead'],
    ['Asamblea Nacional (AN)', 'lead'],
    ['Congreso Nacional de Chile', 'lead'],
    ['Sovereign National Congress of the Republic of Honduras', 'lead'],
    ['National Assembly of the Republic of Serbia', 'lead'],
    ['Hellenic Parliament', 'lead'],
    ['National Legislature', 'lead'],
    ['Knesset', 'government'],
    ['Riigikogu', 'lead'],
    ['Other stakeholders: the Office of the Seimas', 'government'],
    ['Kepala Biro Pemberitaan Parlemen', 'lead'],
    ['1. Head of Bureau for Legal and Public Complaints of DPR RI, 2. Head of Bureau for Session I of DPR RI', 'lead'],
    // Committees of a legislature are not independent commissions.
    ['Comisión de Ética y Transparencia Del Senado', 'government'],
    ['Comisión Especial de Parlamento', 'lead'],
    ['Congreso de la República/Comisión de Derechos Humanos', 'lead'],
  ] as const)('%s (%s) → parliament', (name, group) => {
    expect(inferInstitutionKind(name, group)).toBe('parliament');
  });

  it.each([
    // The executive's dealings with the legislature.
    ['Minister of State for Relations with the Parliament', 'lead', 'ministry'],
    ['Ministry Delegate to the Head of Government in charge of Relations with Parliament', 'government', 'ministry'],
    ['Department for Liaison with the Parliament Chancellery of the Prime-Minister', 'government', 'agency'],
    ['Parliamentary Counsel Office', 'lead', 'agency'],
    ['Cabinet Office, Office of the Parliamentary Counsel', 'lead', 'agency'],
    // International bodies and watchdogs named after parliaments.
    ['Parliamentary Assembly of the Council of Europe (PACE)', 'government', 'international_body'],
    ['ParlAmericas', 'government', 'international_body'],
    ['Open Parliament e-Network', 'government', 'civil_society'],
    ['Organizaciones que conforman la Alianza para una Asamblea Abierta (AAA): ACESSA, Costa Rica Integra', 'government', 'civil_society'],
    // Words of the same family that name no legislature.
    ['Government’s Secretariat General/Republic Secretariat for Legislation', 'lead', 'agency'],
    ['National Housing Development Authority', 'government', 'agency'],
    ['Chamber of Commerce and Industry of Serbia', 'government', 'private_sector'],
    ['Office of Deputy Prime Minister Mher Grigoryan', 'government', 'agency'],
  ] as const)('%s (%s) → %s', (name, group, kind) => {
    expect(inferInstitutionKind(name, group)).toBe(kind);
  });
});

describe('inferInstitutionKind: legislatures in French, Spanish, Portuguese and Swahili', () => {
  it.each([
    'Chambre des représentants', 'Chambre des conseillers', 'Assemblée nationale du Québec', 'Parlement de la Communauté française',
    'Congreso de los Diputados', 'Cortes Generales', 'Legislatura de la Ciudad de Buenos Aires', 'Órgano Legislativo',
    'Câmara dos Deputados', 'Senado Federal', 'Congresso Nacional', 'Assembleia da República', 'Assembleia Legislativa do Estado de São Paulo',
    'Bunge la Tanzania', 'Bunge la Kaunti ya Nairobi', 'Makueni County Assembly',
  ])('%s → parliament', (name) => {
    expect(inferInstitutionKind(name, 'government')).toBe('parliament');
  });

  it.each([
    ['Ministry of Relations with Parliament', 'ministry'],
    ['Ministère des Relations avec le Parlement', 'ministry'],
    ['Ministre délégué chargé des relations avec le Parlement', 'ministry'],
    ['Secretaría de Relaciones Parlamentarias', 'agency'],
    ['Ministério das Relações com o Parlamento', 'ministry'],
    ['Department of Parliamentary Affairs', 'agency'],
    ['Câmara Municipal de Lisboa', 'subnational_government'],
    ['County Assemblies Forum', 'subnational_government'],
  ] as const)('%s → %s', (name, kind) => {
    expect(inferInstitutionKind(name, 'government')).toBe(kind);
  });
});
