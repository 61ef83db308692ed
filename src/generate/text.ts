import type { Random } from './random.ts';
import {
  ACTIONS, AMBITION_SENTENCE, BENEFICIARIES, DESCRIPTION_SENTENCES, GOALS, MILESTONES, OBJECTS, PROBLEMS, TITLES, TOPICS,
  inLanguage, type Language, type Phrase,
} from './word-lists.ts';

/**
 * Prose composed from the word lists. A sentence is chosen as numbers (a template and the entry filling each slot),
 * so the same sentence can be written in any of the five languages: a translation says the same thing.
 */
export type Slots = {
  action: number; action2: number; object: number; object2: number; topic: number; beneficiary: number;
  problem: number; goal: number; goal2: number; year: number;
};
export type Sentence = { template: Phrase; slots: Slots };

/** Random slot values around one topic (a commitment keeps to its subject). */
export function randomSlots(random: Random, topic: number, year: number): Slots {
  const [goal, goal2] = random.sample(GOALS.map((_, i) => i), 2) as [number, number];
  const [object, object2] = random.sample(OBJECTS.map((_, i) => i), 2) as [number, number];
  const [action, action2] = random.sample(ACTIONS.map((_, i) => i), 2) as [number, number];
  return {
    action, action2, object, object2, goal, goal2, year,
    // One sentence in five strays to a neighbouring subject, as real plans do.
    topic: random.chance(0.2) ? random.int(0, TOPICS.length - 1) : topic,
    beneficiary: random.int(0, BENEFICIARIES.length - 1),
    problem: random.int(0, PROBLEMS.length - 1),
  };
}

export function render(sentence: Sentence, language: Language): string {
  const { slots } = sentence;
  const word = (list: readonly Phrase[], index: number) => inLanguage(list[index]!, language);
  const values: Record<string, string> = {
    action: word(ACTIONS, slots.action), action2: word(ACTIONS, slots.action2),
    object: word(OBJECTS, slots.object), object2: word(OBJECTS, slots.object2),
    topic: inLanguage(TOPICS[slots.topic]!.name, language),
    beneficiary: word(BENEFICIARIES, slots.beneficiary), problem: word(PROBLEMS, slots.problem),
    goal: word(GOALS, slots.goal), goal2: word(GOALS, slots.goal2), year: String(slots.year),
  };
  const filled = inLanguage(sentence.template, language).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name.charAt(0).toLowerCase() + name.slice(1)];
    if (value === undefined) throw new Error(`unknown slot {${name}}`);
    return name.charAt(0) === name.charAt(0).toUpperCase() ? capitalize(value) : value;
  });
  return capitalize(contract(filled, language));
}

export function renderAll(sentences: readonly Sentence[], language: Language, separator = ' '): string {
  return sentences.map((s) => render(s, language)).join(separator);
}

/** A title: one of the title templates. */
export function titleSentence(random: Random, topic: number, year: number): Sentence {
  return { template: random.pick(TITLES), slots: randomSlots(random, topic, year) };
}

/**
 * A description of about `targetLength` characters in `language` (the source language): the purpose first, then
 * other sentences in random order until the length is reached, never past `maxLength`.
 */
export function descriptionSentences(random: Random, topic: number, year: number, language: Language,
  targetLength: number, maxLength: number): Sentence[] {
  const first: Sentence = { template: DESCRIPTION_SENTENCES[0]!, slots: { ...randomSlots(random, topic, year), topic } };
  const sentences = [first];
  let length = render(first, language).length;
  let pool: Phrase[] = [];
  for (let guard = 0; length < targetLength && guard < 100; guard++) {
    if (pool.length === 0) pool = random.shuffle(DESCRIPTION_SENTENCES.slice(1));
    const next: Sentence = { template: pool.pop()!, slots: randomSlots(random, topic, year) };
    const added = render(next, language).length + 1;
    if (length + added > maxLength) break;
    sentences.push(next);
    length += added;
  }
  return sentences;
}

export function statusQuoSentences(random: Random, topic: number, year: number, count: number): Sentence[] {
  return Array.from({ length: count }, () => ({ template: DESCRIPTION_SENTENCES[1]!, slots: randomSlots(random, topic, year) }));
}

export function ambitionSentence(random: Random, topic: number, year: number): Sentence {
  return { template: AMBITION_SENTENCE, slots: { ...randomSlots(random, topic, year), topic } };
}

export function milestoneSentence(random: Random, topic: number, year: number): Sentence {
  return { template: random.pick(MILESTONES), slots: randomSlots(random, topic, year) };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const CONTRACTIONS: Partial<Record<Language, [RegExp, string][]>> = {
  fr: [
    [/\bde le /g, 'du '], [/\bde les /g, 'des '], [/(^|[^\p{L}])à le /gu, '$1au '], [/(^|[^\p{L}])à les /gu, '$1aux '], [/\bde des /g, 'de '],
    [/\bde ([aeiouéèêâîôh])/gi, "d'$1"], [/\bque ([aeiouéèêâîô])/gi, "qu'$1"],
  ],
  es: [[/\bde el /g, 'del '], [/\ba el /g, 'al ']],
  pt: [
    [/\bem o /g, 'no '], [/\bem a /g, 'na '], [/\bem os /g, 'nos '], [/\bem as /g, 'nas '], [/\bem um /g, 'num '], [/\bem uma /g, 'numa '],
    [/\bde o /g, 'do '], [/\bde a /g, 'da '], [/\bde os /g, 'dos '], [/\bde as /g, 'das '],
    [/\bpor o /g, 'pelo '], [/\bpor a /g, 'pela '], [/\bpor os /g, 'pelos '], [/\bpor as /g, 'pelas '],
    [/(^|[^\p{L}])a o /gu, '$1ao '], [/(^|[^\p{L}])a os /gu, '$1aos '], [/(^|[^\p{L}])a a /gu, '$1à '], [/(^|[^\p{L}])a as /gu, '$1às '],
  ],
};

/** The contractions that filling slots creates: French "de les" → "des", Portuguese "em as" → "nas", ... */
export function contract(text: string, language: Language): string {
  let result = text;
  for (const [pattern, replacement] of CONTRACTIONS[language] ?? []) result = result.replace(pattern, replacement);
  return result;
}
