import fs from 'node:fs';
import Papa from 'papaparse';

/**
 * OGP's dataset at the size of OGP's real one (~5,000 rows) in its own layout, made from the shared extract (442 rows)
 * by repeating it: copy 0 is the extract as it is, and each further copy gives every member a new prefix ("QAAB"),
 * code and name ("Albania, copy 2"), so that each of its rows is a new commitment (the id is the prefix and the
 * extract's digits), of a new plan, of a new member, naming new institutions (they are per member). Texts, dates and
 * ratings stay the extract's, so each row costs what a real one does. Written to a temporary folder, never committed.
 */
export function writeScaledDataset(extract: string, copies: number, out: string): number {
  const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(extract, 'utf8'), { skipEmptyLines: true }).data;
  if (!header) throw new Error(`${extract} is empty`);
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${extract} has no column "${name}"`);
    return index;
  };
  const id = at('Commitment Unique Identifier');
  const name = at('Country/Locality');
  const code = at('Code');
  const prefixes = [...new Set(rows.map((row) => prefixOf(row[id]!)))];
  const copied: string[][] = [];
  for (let copy = 0; copy < copies; copy += 1) {
    for (const row of rows) {
      if (copy === 0) {
        copied.push(row);
        continue;
      }
      // Four letters: the extract's prefixes have two or three, its codes three or four, none starting QA-QZ's four.
      const letters = fourLetters(copy * prefixes.length + prefixes.indexOf(prefixOf(row[id]!)));
      const renamed = [...row];
      renamed[id] = `${letters}${row[id]!.trim().slice(-4)}`;
      renamed[code] = letters;
      renamed[name] = `${row[name]!.trim()}, copy ${copy + 1}`;
      copied.push(renamed);
    }
  }
  fs.writeFileSync(out, Papa.unparse([header, ...copied], { newline: '\n' }));
  return copied.length;
}

const prefixOf = (ogpId: string) => ogpId.trim().toUpperCase().replace(/\d+$/, '');

function fourLetters(n: number): string {
  const letter = (k: number) => String.fromCharCode(65 + (Math.floor(n / 26 ** k) % 26));
  return `Q${letter(2)}${letter(1)}${letter(0)}`;
}
