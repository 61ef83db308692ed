import { describe, expect, it } from 'vitest';
import { intlFor, languageName } from './intl.ts';

// Messages are compiled once and kept (decision 017): the kept forms must say what FormatJS says.
describe('intlFor(locale).t', () => {
  it('formats messages with plurals and arguments in each language, the same on every call', () => {
    const en = intlFor('en');
    expect(en.t('common.commitmentCount', { count: 1 })).toBe(en.formatMessage({ id: 'common.commitmentCount' }, { count: 1 }));
    expect(en.t('common.commitmentCount', { count: 3 })).toBe(en.formatMessage({ id: 'common.commitmentCount' }, { count: 3 }));
    expect(en.t('common.commitmentCount', { count: 3 })).not.toBe(en.t('common.commitmentCount', { count: 1 }));
    expect(intlFor('fr').t('common.quarter', { quarter: 2, year: 2021 })).toBe('T2 2021');
    expect(intlFor('sw').t('common.commitmentCount', { count: 2 })).toBe(intlFor('sw').formatMessage({ id: 'common.commitmentCount' }, { count: 2 }));
  });

  it('keeps a message without arguments as its text, quotes unescaped as ICU says', () => {
    const fr = intlFor('fr');
    expect(fr.t('home.title')).toBe(fr.formatMessage({ id: 'home.title' }));
    expect(fr.t('home.title')).toBe(fr.t('home.title'));
  });

  it('shows a message as written when its arguments are missing, and the id of an unknown one', () => {
    expect(intlFor('sw').t('no.such.message')).toBe('no.such.message');
    expect(intlFor('en').t('common.quarter')).toBe('Q{quarter} {year}');
  });

  it('formats plain numbers with the kept formatter and others through FormatJS', () => {
    expect(intlFor('fr').formatNumber(12345)).toBe(new Intl.NumberFormat('fr').format(12345));
    expect(intlFor('fr').formatNumber(2021, { useGrouping: false })).toBe('2021');
    expect(intlFor('es').conjunction.format(['A', 'B', 'C'])).toBe('A, B y C');
    expect(languageName('fr', 'sw')).toBe(new Intl.DisplayNames(['sw'], { type: 'language' }).of('fr'));
  });
});
