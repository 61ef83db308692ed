import { escapeHtml } from '@kitajs/html';
import { cleanText } from '../text/clean-text.ts';

/**
 * An Atom 1.0 document (RFC 4287). Every text and attribute value goes through @kitajs/html's `escapeHtml`
 * (& < > " ' become entities, which XML reads the same way), after `cleanText` (characters XML 1.0 cannot carry at
 * all: C0 controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF), as text coming in is cleaned, so
 * a title stored before that cannot make the feed ill-formed.
 */
export type AtomEntry = {
  id: string;
  title: string;
  titleLang: string;
  link: string;
  published: Date;
  updated: Date;
  summary: string;
  categories: { term: string; label: string }[];
};

export type AtomFeed = {
  id: string;
  lang: string;
  title: string;
  subtitle: string;
  selfLink: string;
  alternateLink: string;
  authorName: string;
  authorUri: string;
  rights: string;
  updated: Date;
  entries: AtomEntry[];
};

/** Text or attribute content, escaped for XML. */
export function xml(value: string): string {
  return escapeHtml(cleanText(value));
}

export function renderAtom(feed: AtomFeed): string {
  return '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(feed.lang)}">\n` +
    `  <id>${xml(feed.id)}</id>\n` +
    `  <title type="text">${xml(feed.title)}</title>\n` +
    `  <subtitle type="text">${xml(feed.subtitle)}</subtitle>\n` +
    `  <updated>${feed.updated.toISOString()}</updated>\n` +
    `  <link rel="self" type="application/atom+xml" href="${xml(feed.selfLink)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${xml(feed.alternateLink)}"/>\n` +
    `  <author><name>${xml(feed.authorName)}</name><uri>${xml(feed.authorUri)}</uri></author>\n` +
    `  <rights type="text">${xml(feed.rights)}</rights>\n` +
    `  <generator uri="${xml(feed.authorUri)}">Ahadi</generator>\n` +
    feed.entries.map(renderEntry).join('') +
    '</feed>\n';
}

function renderEntry(entry: AtomEntry): string {
  return '  <entry>\n' +
    `    <id>${xml(entry.id)}</id>\n` +
    `    <title type="text" xml:lang="${xml(entry.titleLang)}">${xml(entry.title)}</title>\n` +
    `    <link rel="alternate" type="text/html" href="${xml(entry.link)}"/>\n` +
    `    <published>${entry.published.toISOString()}</published>\n` +
    `    <updated>${entry.updated.toISOString()}</updated>\n` +
    `    <summary type="text">${xml(entry.summary)}</summary>\n` +
    entry.categories.map((c) => `    <category term="${xml(c.term)}" label="${xml(c.label)}"/>\n`).join('') +
    '  </entry>\n';
}
