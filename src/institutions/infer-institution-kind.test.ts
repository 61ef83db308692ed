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
