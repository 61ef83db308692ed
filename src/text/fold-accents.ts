/**
 * Removes accents one character at a time, so that the folded text has exactly the same length as the original.
 * Matching then runs on the folded text while values are cut from the original at the same offsets, which keeps
 * the accents (and the apostrophes) of what we store.
 */
export function foldAccents(text: string): string {
  let folded = '';
  for (const unit of text) folded += foldCharacter(unit);
  return folded;
}

const COMBINING_MARKS = /\p{M}/gu;

function foldCharacter(character: string): string {
  const bare = character.normalize('NFD').replace(COMBINING_MARKS, '');
  // A character that decomposes into several letters (or into nothing) would shift every later offset.
  return bare.length === character.length ? bare : character;
}
