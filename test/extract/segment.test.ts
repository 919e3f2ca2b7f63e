import { describe, expect, it } from 'vitest';
import { classifyParagraphs, datelineLength, findQuoteSpans, splitParagraphs, splitSentences } from '../../src/extract/segment.js';

function sentencesOf(text: string): string[] {
  const paragraphs = splitParagraphs(text);
  classifyParagraphs(text, paragraphs, null);
  return paragraphs.flatMap((p) => splitSentences(text, p, findQuoteSpans(text, p.bodyStart, p.end)).map((s) => text.slice(s.start, s.end)));
}

describe('paragraphs and sentences', () => {
  it('splits paragraphs on newlines and sentences on full stops', () => {
    const text = 'The port reopened. Ships waited.\n\nTrade resumed on Monday.';
    expect(sentencesOf(text)).toEqual(['The port reopened.', 'Ships waited.', 'Trade resumed on Monday.']);
  });

  it('does not split after abbreviations or initials', () => {
    expect(sentencesOf('Dr. Amal Khan met M. Ishaq Dar at 8 a.m. today. They talked.')).toEqual([
      'Dr. Amal Khan met M. Ishaq Dar at 8 a.m. today.',
      'They talked.',
    ]);
  });

  it('keeps a quoted passage of several sentences in one sentence', () => {
    const text = '“We are ready. We will act,” the mayor said. Then he left.';
    expect(sentencesOf(text)).toEqual(['“We are ready. We will act,” the mayor said.', 'Then he left.']);
  });

  it('ends a sentence at a closing mark after a full stop', () => {
    expect(sentencesOf('He promised a “clear answer.” The crowd cheered.')).toEqual(['He promised a “clear answer.”', 'The crowd cheered.']);
  });

  it('cuts a truncated last sentence and drops a heading with no sentence in it', () => {
    const text = 'BREAKING NEWS\n\nThe bridge was closed. Engineers said the cables were wo';
    const paragraphs = splitParagraphs(text);
    classifyParagraphs(text, paragraphs, null);
    expect(paragraphs[0]?.skip).toBe(true);
    expect(text.slice(paragraphs[1]!.start, paragraphs[1]!.end)).toBe('The bridge was closed.');
  });

  it('skips a standfirst above a dateline and word-for-word repeats', () => {
    const text = 'Kazmi said the roads would reopen.\n\nQUETTA: Farid Kazmi said on Monday that roads would reopen.\n\nQUETTA: Farid Kazmi said on Monday that roads would reopen.';
    const paragraphs = splitParagraphs(text);
    classifyParagraphs(text, paragraphs, null);
    expect(paragraphs.map((p) => p.skip)).toEqual([true, false, true]);
  });
});

describe('datelines', () => {
  it.each([
    ['QUETTA: The council met.', 'QUETTA: '],
    ['KALAT, Balochistan: The council met.', 'KALAT, Balochistan: '],
    ['LORALAI (City News) - The council met.', 'LORALAI (City News) - '],
    ['Islamabad, Nov 10 (PTI) The council met.', 'Islamabad, Nov 10 (PTI) '],
  ])('recognises %s', (text, dateline) => {
    const [paragraph] = splitParagraphs(text);
    expect(datelineLength(text, paragraph!)).toBe(dateline.length);
  });

  it('does not take a named body with its acronym for a dateline', () => {
    const text = 'The Mountain Liberation Front (MLF), a banned group, claimed the attack.';
    const [paragraph] = splitParagraphs(text);
    expect(datelineLength(text, paragraph!)).toBe(0);
  });
});

describe('quote spans', () => {
  const inner = (text: string) => findQuoteSpans(text, 0, text.length).map((q) => text.slice(q.innerStart, q.innerEnd));

  it('finds curly, straight and mixed marks', () => {
    expect(inner('“One,” he said, "two" and “three"')).toEqual(['One,', 'two', 'three']);
  });

  it('leaves an unclosed quote open to the end of its paragraph', () => {
    const spans = findQuoteSpans('He said: “we will go on', 0, 23);
    expect(spans).toHaveLength(1);
    expect(spans[0]?.closed).toBe(false);
  });

  it('recovers from a stray closing mark and a second opening mark', () => {
    expect(inner('odd ” mark “first “second” end')).toEqual(['first', 'second']);
  });
});

describe('dashes', () => {
  it('does not take a subject followed by a dash aside for a dateline', () => {
    const text = 'Sylvania – a partner in the port project – condemned the violence.';
    const [paragraph] = splitParagraphs(text);
    expect(datelineLength(text, paragraph!)).toBe(0);
  });
});
