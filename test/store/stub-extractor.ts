// A stand-in for src/extract in the store tests, which are about what the store does with the
// extractor's output, not about the rules: every article mentioning "Cargo fees" yields one quote by
// Amara Okafor (or, when it mentions "Newcomer", by a speaker the registry lacks); "EXPLODE" throws.
import type { Article, ExtractedStatement } from '../../src/types.js';

export function extractStatements(article: Article): ExtractedStatement[] {
  if (article.text.includes('EXPLODE')) throw new Error('extractor failed');
  const start = article.text.indexOf('Cargo fees');
  if (start < 0) return [];
  const text = 'Cargo fees will fall by half';
  const newcomer = article.text.includes('Newcomer');
  return [
    {
      source: article.file,
      speakerId: newcomer ? null : 'amara-okafor',
      speakerName: newcomer ? 'Newcomer Person' : 'Amara Okafor',
      voice: null,
      kind: 'direct',
      text,
      date: article.published,
      dateBasis: 'published',
      themes: ['harbours'],
      start,
      end: start + text.length,
    },
  ];
}
