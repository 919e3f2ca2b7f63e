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
