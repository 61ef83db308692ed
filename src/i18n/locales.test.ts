import { describe, it, expect } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { intlFor, loadMessages } from './intl.ts';
import { LOCALES } from './locales.ts';

/** Names of the arguments a message uses, including those nested inside plural/select options. */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(el.value);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(el.value);
        for (const option of Object.values(el.options)) argumentNames(option.value, into);
        break;
      case TYPE.tag:
        argumentNames(el.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const english = loadMessages('en');
const englishKeys = Object.keys(english);

describe.each(LOCALES)('interface messages: %s', (locale) => {
  const messages = loadMessages(locale);

  it('has exactly the English keys, in the same order', () => {
    expect(Object.keys(messages)).toEqual(englishKeys);
  });

  it('has only valid ICU messages that use the English placeholders', () => {
    for (const [id, message] of Object.entries(messages)) {
      let ast: MessageFormatElement[] = [];
      expect(() => { ast = parse(message); }, `${locale}:${id} should parse`).not.toThrow();
      const expected = [...argumentNames(parse(english[id] ?? ''))].sort();
      expect([...argumentNames(ast)].sort(), `${locale}:${id} placeholders`).toEqual(expected);
    }
  });

  it('formats a plural message', () => {
    const text = intlFor(locale).t('home.memberCounts', { plans: 1, commitments: 2 });
    expect(text).not.toBe('home.memberCounts');
    expect(text).toContain('1');
    expect(text).toContain('2');
  });
});
