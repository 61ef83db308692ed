import type { PageLabels } from './page-labels.ts';
import { anyLabelSource, foldForMatching, splitList } from './page-text.ts';

/**
 * OGP prints the supporting institutions as one string with its own sub-labels:
 * "Other Government actors involved: MDA, Senate, ... Other actors involved IDS-UON, Universities, ...".
 * Names before any sub-label are kept apart: the page does not say which group they belong to.
 */
export interface SupportingActors {
  government: string[];
  other: string[];
  unmarked: string[];
}

type Group = keyof SupportingActors;

interface Marker {
  group: Group;
  start: number;
  end: number;
}

export function splitSupportingActors(value: string, labels: PageLabels): SupportingActors {
  const folded = foldForMatching(value);
  const markers = findMarkers(folded, labels);
  const actors: SupportingActors = { government: [], other: [], unmarked: [] };
  const firstStart = markers[0]?.start ?? value.length;
  actors.unmarked.push(...splitList(value.slice(0, firstStart)));
  markers.forEach((marker, index) => {
    const until = markers[index + 1]?.start ?? value.length;
    actors[marker.group].push(...splitList(value.slice(marker.end, until)));
  });
  return actors;
}

function findMarkers(folded: string, labels: PageLabels): Marker[] {
  const government = matchesOf(folded, labels.otherGovernmentActors, 'government');
  // "Autres acteurs" also begins "Autres acteurs gouvernementaux impliqués"; that one is the government marker.
  const other = matchesOf(folded, labels.otherActors, 'other')
    .filter((marker) => !government.some((taken) => marker.start >= taken.start && marker.start < taken.end));
  return [...government, ...other].sort((a, b) => a.start - b.start);
}

function matchesOf(folded: string, labels: readonly string[], group: Group): Marker[] {
  const withoutColons = labels.map((label) => label.replace(/\s*:\s*$/, ''));
  const pattern = new RegExp(`(?<![a-z0-9])${anyLabelSource(withoutColons)}\\s*:?\\s*`, 'gi');
  return [...folded.matchAll(pattern)].map((match) => ({ group, start: match.index, end: match.index + match[0].length }));
}
