/**
 * What makes a new password too easy to guess, beyond its length (password.ts): the account's own e-mail address
 * (or the name before the @), one character or a short pattern over and over, a run along the alphabet, the digits
 * or the keyboard, or one of the first words a guesser tries padded with digits and signs. These are the checks of
 * NIST SP 800-63B §5.1.1.2 ("repetitive or sequential characters", "context-specific words") that need no word list;
 * a strength library (zxcvbn-ts) would add dictionaries of a few megabytes for little more at 12 characters or more.
 */
export type PasswordWeakness = 'account.error.passwordHasEmail' | 'account.error.passwordTooSimple';

// Runs a guesser walks along, forwards and backwards; the digits wrap (…7890123…).
const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890123456789', '!@#$%^&*()_+', 'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm', 'azertyuiopqsdfghjklmwxcvbn'];
const SEQUENCES = RUNS.flatMap((run) => [run, [...run].reverse().join('')]);
// The words tried first, whatever digits and signs surround them.
const FIRST_GUESSES = /^(password|passwort|motdepasse|contrasena|nenosiri|qwerty|azerty|letmein|welcome|iloveyou|admin|administrator|ahadi|changeme|secret|opengov)+$/;
// Shorter local parts ("jo@…") would refuse too many honest passphrases.
const SHORTEST_LOCAL_PART = 4;

const letters = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}]/gu, '');
const lettersAndDigits = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The message key saying why `password` is too weak for the account of `email`, or undefined when it will do. */
export function passwordWeakness(password: string, email: string): PasswordWeakness | undefined {
  const plain = lettersAndDigits(password);
  const address = email.toLowerCase();
  const localPart = lettersAndDigits(address.split('@')[0] ?? '');
  if (password.toLowerCase().includes(address) || (localPart.length >= SHORTEST_LOCAL_PART && plain.includes(localPart))) {
    return 'account.error.passwordHasEmail';
  }
  const compact = password.toLowerCase().replace(/\s+/g, '');
  const repeated = /^(.{1,4})\1+$/u.test(compact);
  const sequence = SEQUENCES.some((run) => run.includes(compact));
  const padded = FIRST_GUESSES.test(letters(password));
  return repeated || sequence || padded ? 'account.error.passwordTooSimple' : undefined;
}
