/**
 * Removes accents one character at a time, so that the folded text has exactly the same length as the original.
 * Matching then runs on the folded text while values are cut from the original at the same offsets, which keeps
 * the accents (and the apostrophes) of what we store.
 */
export function foldAccents(text: string): string {
  // Most names and labels are plain ASCII, which has no accent to remove: skip the per-character work.
  if (ASCII_ONLY.test(text)) return text;
  let folded = '';
  for (const unit of text) folded += foldCharacter(unit);
  return folded;
}

const COMBINING_MARKS = /\p{M}/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function foldCharacter(character: string): string {
  if (character.charCodeAt(0) < 0x80) return character;
  const bare = character.normalize('NFD').replace(COMBINING_MARKS, '');
  // A character that decomposes into several letters (or into nothing) would shift every later offset.
  return bare.length === character.length ? bare : character;
}
