/**
 * The `dir` attribute an element holding a text in `lang` (BCP 47) needs on a page: the interface languages are all
 * left to right, so only a right-to-left language needs one (a commitment may be published in Arabic, Hebrew or
 * Persian), and every other text is left without, as before. A fixed list of the right-to-left languages in their usual
 * script rather than `Intl.Locale`'s `textInfo`, which Node 20 has as a property and later versions as a method.
 */
const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

export function textDir(lang: string | undefined): 'rtl' | undefined {
  return lang !== undefined && RIGHT_TO_LEFT.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : undefined;
}
