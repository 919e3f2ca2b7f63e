// findCue runs an ASCII-only twin of a cue's regex over an ASCII projection of the text (cheaper to
// compile). It must find exactly what the cue's own Unicode regex finds, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyThemes, compileCue, findCue, type CueOccurrence } from '../../src/extract/themes.js';
import type { Theme } from '../../src/types.js';

/** The cue's Unicode regex run directly: the reference findCue must agree with. */
function reference(cue: string, text: string): CueOccurrence[] {
  const pattern = compileCue(cue);
  return [...text.matchAll(pattern)].map((match) => ({ cue, start: match.index, end: match.index + match[0].length, words: match[0] }));
}

const CUES = [
  'operation*',
  'intelligence-based',
  'IBOs',
  'full force',
  "Pakistan's",
  'no need for … operation*',
  'terrorists … killed',
  'combat* terrorism',
  'apex committee*',
  'K-Electric',
  'strike',
  'Azm-e-Istehkam',
  'curb* ... terrorism',
  'naïve',
  'Sarfrāz',
];

// Pieces a text is made of: the cues' words in any case, and the characters the projection maps
// (non-ASCII spaces, dashes, quotes, letters that fold onto ASCII, astral letters, lone surrogates).
const PIECES = [
  'operation', 'OPERATIONS', 'intelligence', 'based', 'IBOs', 'ibo', 'full', 'force', 'Pakistan', 'no', 'need', 'for',
  'a', 'major', 'military', 'terrorists', 'were', 'killed', 'combating', 'terrorism', 'apex', 'committees', 'K',
  'Electric', 'strike', 'Azm', 'e', 'Istehkam', 'curbing', 'naïve', 'naive', 'Sarfrāz', 'ſtrike', 'Kelvin', '\u212a',
  ' ', ' ', ' ', '  ', '\u00a0', '\u2009', '\u3000', '\n', '-', '\u2010', '\u2011', '\u2013', '\u2014', '"', '\u201c',
  '\u201d', "'", '\u2019', ',', '.', ';', '!', '?', '…', '\u0001', '\u0002', '\u00e9', 'é', '\u0660', '𝐀', '😀',
  '\ud800', '\udc00', 'İ', 'ß', '(', ')', '3', '0',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('findCue', () => {
  it('finds what the cue regex finds, on texts full of Unicode look-alikes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CUES), text, (cue, sample) => {
        expect(findCue(cue, compileCue(cue), sample)).toEqual(reference(cue, sample));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the words of the text itself, not of its projection', () => {
    expect(findCue('full force', compileCue('full force'), 'with “full\u00a0force” today')).toEqual([
      { cue: 'full force', start: 6, end: 16, words: 'full\u00a0force' },
    ]);
    expect(findCue('strike', compileCue('strike'), 'a ſtrike, a 𝐀strike, a strike𝐀')).toEqual([
      { cue: 'strike', start: 2, end: 8, words: 'ſtrike' },
    ]);
  });

  it('treats letters outside ASCII as letters at word boundaries', () => {
    expect(findCue('strike', compileCue('strike'), 'éstrike strikeé strike')).toEqual([{ cue: 'strike', start: 16, end: 22, words: 'strike' }]);
  });

  it('keeps classifyThemes the same for a text seen twice in a row and for another text', () => {
    const themes: Theme[] = [{ id: 'ops', label: 'Operations', description: '', cues: [{ cue: 'operation*', weight: 1 }] }];
    expect(classifyThemes('The operation went on.', themes).map((match) => match.matched)).toEqual([['operation']]);
    expect(classifyThemes('The operation went on.', themes).map((match) => match.matched)).toEqual([['operation']]);
    expect(classifyThemes('Operations – “operation” – resumed.', themes).map((match) => match.matched)).toEqual([['Operations']]);
  });
});
