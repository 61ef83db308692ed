import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OGP_DATASET_FILE } from '../../test/helpers/ogp-dataset.ts';
import { COLUMN } from '../importers/ogp-dataset/dataset-columns.ts';
import { splitInstitutionNames } from './split-institution-names.ts';

const rows: Record<string, string>[] = parse(fs.readFileSync(OGP_DATASET_FILE), { columns: true, bom: true });
const LEAD = COLUMN.leadInstitutions;
const SUPPORTING = COLUMN.supportingInstitutions;

/** A cell of OGP's dataset, as the file has it (read, never copied into the repository). */
function cell(ogpId: string, column: string): string {
  const row = rows.find((r) => r[COLUMN.ogpId] === ogpId);
  if (row?.[column] === undefined) throw new Error(`no ${column} for ${ogpId}`);
  return row[column];
}

describe('splitInstitutionNames', () => {
  it('finds no institution in the words for none', () => {
    for (const cell of ['NA', 'N/A', 'n/a', 'None', 'Unclear', '-', '']) expect(splitInstitutionNames(cell), cell).toEqual([]);
  });

  it('splits at line breaks, semicolons and bullets, keeping commas inside names', () => {
    expect(splitInstitutionNames('Federal Ministry of the Interior, Building and Community')).toEqual(['Federal Ministry of the Interior, Building and Community']);
    expect(splitInstitutionNames('●        Office of Transparency\n●        Parliamentary Secretariat.')).toEqual(['Office of Transparency', 'Parliamentary Secretariat']);
    expect(splitInstitutionNames('-Transparencia Mexicana\n-Tutores')).toEqual(['Transparencia Mexicana', 'Tutores']);
  });

  it('names each institution once, and splits at a separator the source declares', () => {
    expect(splitInstitutionNames('Senate; SENATE; Sénat')).toEqual(['Senate', 'Sénat']);
    expect(splitInstitutionNames('SDC, GIZ, CRTA', ',')).toEqual(['SDC', 'GIZ', 'CRTA']);
    expect(splitInstitutionNames('Ministry of Trade,\nTourism and Telecommunications, Ministry of\nFinance', ','))
      .toEqual(['Ministry of Trade', 'Tourism and Telecommunications', 'Ministry of Finance']);
  });

  it('joins a name its line break cut, however the line ends or the next begins', () => {
    // The rules one at a time (the cells of OGP's file below mix them).
    const cases: [cell: string, names: string[]][] = [
      ['Presidency of the Go-\n vernment', ['Presidency of the Government']],
      ['Ministry of Public Administration and Local Self-\nGovernment', ['Ministry of Public Administration and Local Self-Government']],
      ['Ministry of Public Administration and Local Self-Government -\nMPALSG', ['Ministry of Public Administration and Local Self-Government - MPALSG']],
      ['Institute for\nResearch', ['Institute for Research']],
      ['Direction des\nAffaires Juridiques', ['Direction des Affaires Juridiques']],
      ['Ministério da\nJustiça', ['Ministério da Justiça']],
      ['Institute\nfor Promotion', ['Institute for Promotion']],
      ['Criminal Courts\n 10 and 13', ['Criminal Courts 10 and 13']],
      ['Unit for Access to Public Information\n(UAIP).', ['Unit for Access to Public Information (UAIP)']],
      ['Counseling (Department of Constitutional\nLaw), Ministry of Justice', ['Counseling (Department of Constitutional Law), Ministry of Justice']],
      ['Association "Public\nParticipation Fund"', ['Association "Public Participation Fund"']],
      ['Ministry of Economy, Ministry of Trade,\nTourism and Telecommunications', ['Ministry of Economy, Ministry of Trade, Tourism and Telecommunications']],
      ['- Office of the Public Defender of the City of Buenos\n Aires\n- ACIJ', ['Office of the Public Defender of the City of Buenos Aires', 'ACIJ']],
    ];
    for (const [text, names] of cases) expect(splitInstitutionNames(text), text).toEqual(names);
  });

  it('keeps separate the names a line break, a list mark or a blank line separates', () => {
    const cases: [cell: string, names: string[]][] = [
      ['Ministry of Finance\nCivil Society Institute', ['Ministry of Finance', 'Civil Society Institute']],
      ['Leaders of the House,\nLeaders of the Factions,', ['Leaders of the House', 'Leaders of the Factions']],
      ['Dirección General de\n - Secretaría', ['Dirección General de', 'Secretaría']],
      ['(a)   Secretary General,\n(b)   Legislation Committee\n1. Ministry of Finance\n2) Ministry of Justice\na) Senate',
        ['Secretary General', 'Legislation Committee', 'Ministry of Finance', 'Ministry of Justice', 'Senate']],
      ['Institute of\n\nPublic Finance', ['Institute of', 'Public Finance']],
      ['- Secretaría\nDirección General de Gabinete', ['Secretaría', 'Dirección General de Gabinete']],
      ['Ministry of the Interior & \nMinistry of Justice', ['Ministry of the Interior', 'Ministry of Justice']],
    ];
    for (const [text, names] of cases) expect(splitInstitutionNames(text), text).toEqual(names);
  });

  it('reads the wrapped and listed cells of OGP’s dataset', () => {
    const cases: [ogpId: string, column: string, names: string[]][] = [
      ['AL0063', SUPPORTING, [
        'Ministry of Finance and Economy, The National Agency of Information Society, Albanian School of Public Administration, Line',
        'Ministries, Ministry for Europe and Foreign Affairs, Partners for Change and Development in Albania, Institute for Research and Development Alternatives, Institute for Co-operation and Development, Foundation "Open Society for Albania", Institute for Promotion of Social Economic Development',
      ]],
      ['BUE0009', SUPPORTING, [
        'Government',
        'Presidency of the Cabinet of Ministers of the Government of the City of Buenos Aires',
        'Programme on parliamentary modernisation of the Chamber of Deputies of the Nation',
        'Open data links from the different areas of Government',
        'Criminal, Misdemeanour and Petty Offense Courts 10 and 13 (Juzgados 10 y 13 PCyF)',
        'Office of the Public Prosecutor of the City of Buenos Aire',
        'Office of the Public Defender of the City of Buenos Aires',
        'Office for the Protection of Minors and Incompetent Persons of the City of Buenos Aires',
        'Civil Society / Private Sector',
        'ACIJ (Civil Association for Equality and Justice)',
        'Directorio Legislativo',
        'Conocimiento Abierto (Open Knowledge)',
        'ADC Association for Civil Rights)',
        'Democracia en Red',
        'Chairs on open government and data from universities and research institution',
        'Private sector (technology companies)',
      ]],
      ['PY0066', LEAD, [
        'Secretaría General',
        'Secretaría',
        'Dirección General de Gabinete',
        'Dirección General de Tecnología de la Información',
        'Comisiones, Dirección General de Comisiones, Dirección General de Control del Gasto Público',
        'Dirección General de Observatorio Legislativo y Oficina de Monitoreo',
        'Dirección General Bicameral de Presupuesto',
      ]],
      ['ID0106', LEAD, [
        'Secretary General',
        'Head of Parliamentary Expertise Agency',
        'Deputy for Parliamentary Leadership',
        'Head of Bureau for Parliamentary Media Communications',
        '1st Head of Bureau for Sessions',
        '2nd Head of Bureau for Sessions',
        'Head of Center for Data and Information',
        'Indonesia Parliamentary Center (IPC)',
      ]],
      ['ID0110', LEAD, [
        'Leaders of the House',
        'Leaders of the Factions',
        'The Household Committee',
        'Committee for Inter-Parliamentary Cooperation',
        'Secretary General of the Indonesian House of Representatives',
        'The House of Representatives’ Expertise Agency',
        'Deputy Secretary General for Administration',
        'Bureau for PR and Parliamentary Communications',
        'IPC, WFD',
      ]],
      ['MO0022', SUPPORTING, [
        'The department of National Education',
        'The department of Youth and Sports',
        'NGOs at the level of the communes and the regions',
        'Westminster Foundation for Democracy (WFD)',
        'The pupils’ parents federations',
        'The human rights organizations',
        'The centers for studies and research on democracy (think tanks)',
      ]],
      ['IL0030', LEAD, ['Counseling and Legislation (Department of Constitutional-Public Law), Ministry of Justice']],
      ['IL0030', SUPPORTING, [
        'Government Freedom of Information Unit',
        'Government ICT Authority, Members of the transparency team, including representatives of NPOs (such as the Israel Democracy Institute, the Movement for Quality Government and the Freedom of Information Movement) and representatives from academia',
      ]],
      ['UY0108', LEAD, ['Unit for Access to Public Information (UAIP)']],
      ['NL0015', LEAD, ['Ministry of the Interior and Kingdom Relations and other public authorities']],
      ['GE0077', SUPPORTING, ['Parliament of Georgia, Ministry of Finance', 'Civil Society Institute']],
      ['CR0061', SUPPORTING, [
        'Ministerio de Vivienda y Asentamientos Humanos, Ministerio de Ambiente y Energía, Instituto de Fomento y Asesoría Municipal, Instituto Costarricense de Turismo y Comisión Nacional de Prevención de Riesgos y Atención de Emergencias (CNE)',
        'Costa Rica Limpia',
      ]],
      ['LK0032', SUPPORTING, [
        'National Housing Development Authority',
        'National Secretariat for Persons with Disabilities',
        'Ministry of Finance',
        'Ministry in charge of Home Affairs',
        'Disability Organisations Joint Front (DOJF)',
      ]],
      ['CR0051', SUPPORTING, [
        'Defensoría de los Habitantes',
        'Contraloría General de la República',
        'Procuraduría General de la República',
        'Costa Rica Íntegra',
        'Abriendo Datos Costa Rica',
        'Asociación Centro Ciudadano de Estudios para una Sociedad Abierta (ACCESA)',
      ]],
    ];
    for (const [ogpId, column, names] of cases) expect(splitInstitutionNames(cell(ogpId, column)), `${ogpId} ${column}`).toEqual(names);
  });

  it('leaves no name of OGP’s dataset ending in a word that joins, nor cut in the middle of a word', () => {
    const names = rows.flatMap((row) => [LEAD, SUPPORTING].flatMap((column) => splitInstitutionNames(row[column] ?? '')));
    expect(names.filter((name) => /\b(?:of|for|and|the|de|del|des|la|y|et|e|do|da)$/.test(name))).toEqual([]);
    expect(names.filter((name) => /-$/.test(name) || /^(?:vernment|nos |tent )/.test(name))).toEqual([]);
  });
});
