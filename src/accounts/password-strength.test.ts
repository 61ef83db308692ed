import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength.ts';

const EMAIL = 'Wanjiru.Kamau@example.org';

describe('passwordWeakness', () => {
  it('refuses the account’s e-mail address or the name before its @, however written', () => {
    for (const password of ['wanjiru.kamau@example.org', 'my WANJIRU.KAMAU@EXAMPLE.ORG', 'wanjirukamau2026', 'Wanjiru-Kamau!!']) {
      expect(passwordWeakness(password, EMAIL), password).toBe('account.error.passwordHasEmail');
    }
    // A local part this short would refuse honest passphrases: "jo" is in "enjoy".
    expect(passwordWeakness('enjoy the long rains', 'jo@example.org')).toBeUndefined();
  });

  it('refuses one character or a short pattern repeated, a run, and a first guess padded with digits and signs', () => {
    for (const password of ['aaaaaaaaaaaa', '            ', 'abcabcabcabc', '121212121212', 'abcdefghijklm', 'zyxwvutsrqpo',
      '1234567890123', '890123456789', 'qwertyuiopas', 'azertyuiopqs', '!@#$%^&*()_+', 'Password1234', 'P a s s w o r d 2026',
      'ahadi2026!!!', 'welcomewelcome1']) {
      expect(passwordWeakness(password, EMAIL), password).toBe('account.error.passwordTooSimple');
    }
  });

  it('accepts passphrases and random passwords', () => {
    for (const password of ['correct horse battery staple', 'a brand new passphrase', 'my own passphrase 2026', 'Xq7#mP2$vL9!',
      'nenosiri langu la siri sana', 'abcd is how it starts']) {
      expect(passwordWeakness(password, EMAIL), password).toBeUndefined();
    }
  });
});
