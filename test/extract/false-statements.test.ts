// What an attribution leaves after its verb that is not a statement: its listener, the place or occasion
// of speaking, an event "called", a bare pronoun; and quotes that hold straight marks inside curly ones.
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/extract/segment.js';
import { lines } from './helpers.js';

describe('the listener of "told" is not content', () => {
  it.each([
    '“The road will reopen soon,” Kazmi told a gathering of village heads.',
    'Kazmi told a gathering of village heads.',
    'Rehman told journalists.',
    'Farid Kazmi visited Lakeside on Monday. Kazmi told reporters.',
    // "-ed" before a noun is an adjective, not the verb of a clause.
    'Kazmi told the assembled tribesmen.',
    'Kazmi told the gathered shopkeepers in Lakeside.',
  ])('%s', (text) => {
    expect(lines(text).filter((line) => line.includes('| indirect |'))).toEqual([]);
  });

  it('still takes the that-clause after a listener with an adjective in -ed', () => {
    expect(lines('Kazmi told the assembled crowd that the road would reopen.')).toEqual(['Farid Kazmi | indirect | the road would reopen']);
    expect(lines('Rehman told the assembled tribesmen on Friday that the school would stay open.')).toEqual([
      'Sadia Rehman | indirect | the school would stay open',
    ]);
  });
});

describe('the place or occasion of speaking is not content', () => {
  it.each([
    '“The bridge will hold,” Rehman said at a ceremony in Hilltown.',
    '“The bridge will hold,” Rehman said at a ceremony in Hilltown district.',
    '“The bridge will hold,” Rehman said at the opening of a school in Hilltown.',
    '“The bridge will hold,” Rehman said at the launch in Hilltown.',
    '“The bridge will hold,” Kazmi said in a statement issued from Lakeside.',
    '“The bridge will hold,” Kazmi said in a message released from Lakeside on Sunday.',
  ])('%s', (text) => {
    expect(lines(text)).toEqual([expect.stringMatching(/\| direct \| The bridge will hold$/)]);
  });

  it('keeps a clause that opens with a preposition', () => {
    expect(lines('Kazmi said at least ten people had died.')).toEqual(['Farid Kazmi | indirect | at least ten people had died']);
    expect(lines('Kazmi said in Lakeside there was no threat.')).toEqual(['Farid Kazmi | indirect | in Lakeside there was no threat']);
    expect(lines('Kazmi agreed in principle to hold talks.')).toEqual(['Farid Kazmi | indirect | in principle to hold talks']);
  });
});

describe('"called" an event is not speech; "called for" and "called X Y" are', () => {
  it.each([
    'The Mountain Liberation Front called a strike across the province on Monday.',
    'The Mountain Liberation Front called a shutter-down strike.',
    'Rehman called an emergency meeting of the cabinet.',
    'The Mountain Liberation Front called the strike in Lakeside.',
  ])('%s', (text) => {
    expect(lines(text)).toEqual([]);
  });

  it('keeps the speech uses', () => {
    expect(lines('The Mountain Liberation Front called for a strike.')).toEqual(['Mountain Liberation Front | indirect | a strike']);
    expect(lines('Rehman called the bombing a crime against the province.')).toEqual(['Sadia Rehman | indirect | the bombing a crime against the province']);
  });
});

describe('a bare pronoun is a pointer, not content', () => {
  it('drops "condemned it", keeps the speaker for what follows', () => {
    expect(lines('Freedonia condemned the bombing. Sylvania also condemned it. It said the border would stay open.')).toEqual([
      'Freedonia | indirect | the bombing',
      'Sylvania | indirect | the border would stay open',
    ]);
    expect(lines('Sylvania denied this.')).toEqual([]);
    expect(lines('Sylvania rejected them.')).toEqual([]);
  });

  it('keeps a pronoun with more words after it', () => {
    expect(lines('Sylvania welcomed the move. Freedonia also welcomed it, calling it overdue.')).toEqual([
      'Sylvania | indirect | the move',
      'Freedonia | indirect | it, calling it overdue',
    ]);
  });
});

describe('straight marks inside a curly quote', () => {
  it('belong to the quote when its own closing mark comes first', () => {
    expect(lines('“Click <a href="x">here</a> now to read the plan,” Rehman said.')).toEqual([
      'Sadia Rehman | direct | Click <a href="x">here</a> now to read the plan',
    ]);
    expect(lines('“They called it a "temporary" closure, and it lasted a year,” Kazmi said.')).toEqual([
      'Farid Kazmi | direct | They called it a "temporary" closure, and it lasted a year',
    ]);
  });

  it('close an unbalanced curly quote when no curly closer follows', () => {
    const text = '“Open the road" he said, and left.';
    expect(findQuoteSpans(text, 0, text.length).map((q) => text.slice(q.open, q.close + 1))).toEqual(['“Open the road"']);
  });
});
