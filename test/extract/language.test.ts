// General rules of reporting English found on unseen articles, each with invented sentences: split
// quotes, questions before an attribution, role nouns, names, institutions, dates, listeners of
// "told", faceless "they", relative clauses, quoted questions and existential "there".
import { describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';

const dated = (text: string, published = '2024-11-20') => run(text, published).map((s) => `${s.speakerName} | ${s.text} | ${s.date} ${s.dateBasis}`);

describe('existential "there" opens the content', () => {
  it('keeps "there" before a verb of being, still skips "there" as a place', () => {
    expect(lines('Kazmi said there was no plan to close the road.')).toEqual(['Farid Kazmi | indirect | there was no plan to close the road']);
    expect(lines('Rehman said there were enough doctors.')).toEqual(['Sadia Rehman | indirect | there were enough doctors']);
    expect(lines('Kazmi visited the depot. He said there the stocks were low.')).toEqual(['Farid Kazmi | indirect | the stocks were low']);
  });
});

describe('a quoted question attributed with "asked"', () => {
  it('is a direct statement without its question mark', () => {
    expect(lines('“Who will answer for these deaths?” Kazmi asked.')).toEqual(['Farid Kazmi | direct | Who will answer for these deaths']);
    expect(lines('“Where were the guards?” asked Rehman.')).toEqual(['Sadia Rehman | direct | Where were the guards']);
    expect(lines('Rehman asked: “Where were the guards that night?”')).toEqual(['Sadia Rehman | direct | Where were the guards that night']);
  });

  it('does not make "asked" a reporting verb outside quotes', () => {
    expect(lines('Kazmi asked the court to adjourn.')).toEqual([]);
  });
});

describe('a quoted question before a new sentence', () => {
  it('still ends the sentence when a full clause follows', () => {
    expect(lines('Kazmi visited the site. “Who did this?” The crowd wept as the minister said the killers would be caught.').at(-1)).toContain('the killers would be caught');
  });
});

describe('the listener and the place after "told" are not content', () => {
  it.each([
    ['“We will rebuild the bridge,” Rehman told journalists at the river crossing.', 'Sadia Rehman | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Kazmi told a radio station.', 'Farid Kazmi | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Kazmi told the cabinet.', 'Farid Kazmi | direct | We will rebuild the bridge'],
    ['“We will rebuild the bridge,” Rehman told villagers near the old mill in Hilltown.', 'Sadia Rehman | direct | We will rebuild the bridge'],
  ])('%s', (text, expected) => {
    expect(lines(text)).toEqual([expected]);
  });

  it('still takes a clause after the listener', () => {
    expect(lines('Kazmi told the cabinet the bridge would be rebuilt.')).toEqual(['Farid Kazmi | indirect | the bridge would be rebuilt']);
    expect(lines('Rehman told villagers at the mill that the bridge would be rebuilt.')).toEqual(['Sadia Rehman | indirect | the bridge would be rebuilt']);
  });
});
