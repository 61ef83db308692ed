import { describe, expect, it } from 'vitest';
import { detectLocale } from './detect-language.ts';

describe('detectLocale', () => {
  it('tells the four languages OGP plans are written in', () => {
    expect(detectLocale('Increase the number of public institutions that publish open data and keep it up to date.', 'en')).toBe('en');
    expect(detectLocale('Potenciar la apertura de datos en las instituciones públicas. Se pretende aumentar el número de instituciones que apuestan por la apertura de datos.', 'en')).toBe('es');
    expect(detectLocale("Renforcer la transparence de l'action publique et la participation des citoyens à l'élaboration des lois.", 'en')).toBe('fr');
    expect(detectLocale('Promover a transparência e o acesso à informação pública, com a participação da sociedade civil na elaboração das leis.', 'en')).toBe('pt');
  });

  it('gives the fallback when the text is too short to tell', () => {
    expect(detectLocale('', 'en')).toBe('en');
    expect(detectLocale('OGP', 'fr')).toBe('fr');
  });

  it('reads only the beginning of a long text', () => {
    const spanish = 'Entre el año 2013 y el año 2014 se pretende aumentar el número de instituciones públicas que apuestan por la apertura de datos y la actualización de los mismos, con base en la política nacional. ';
    const english = 'The commitment aims to increase the number of public institutions that publish their data openly and keep it current. ';
    expect(detectLocale(spanish.repeat(3) + english.repeat(40), 'en')).toBe('es');
  });
});
