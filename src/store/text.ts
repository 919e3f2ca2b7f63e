// Text helpers the store needs to compare names and statements: accent folding, tokens, similarity,
// slugs, edit distance, stable hashes.
import { createHash } from 'node:crypto';

/** Lower-case, strip accents and punctuation, collapse spaces: "Sarfrāz  Bugti," → "sarfraz bugti". */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Kebab-case id from a display name: "Sarfrāz Bugti" → "sarfraz-bugti". */
export function slugify(value: string): string {
  const slug = foldName(value).replace(/ /g, '-');
  return slug === '' ? 'speaker' : slug;
}

/**
 * The words of a statement, lower-cased, accents and punctuation dropped, so that curly vs straight
 * quotes, dashes or a trailing full stop do not make two copies of the same words look different.
 */
export function textTokens(text: string): string[] {
  const folded = foldName(text);
  return folded === '' ? [] : folded.split(' ');
}

/** Token F1 (Dice on multisets) between two token lists: 1 for the same words, 0 for none in common. */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      overlap += 1;
      counts.set(token, left - 1);
    }
  }
  return (2 * overlap) / (a.length + b.length);
}

/** How often each token occurs: the form in which a statement is compared with many others. */
export function tokenCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * tokenSimilarity from counts made once per statement (tokenCounts): the same value, without building
 * a map for every pair compared.
 */
export function countsSimilarity(a: ReadonlyMap<string, number>, lengthA: number, b: ReadonlyMap<string, number>, lengthB: number): number {
  if (lengthA === 0 && lengthB === 0) return 1;
  if (lengthA === 0 || lengthB === 0) return 0;
  const [fewer, more] = a.size <= b.size ? [a, b] : [b, a];
  let overlap = 0;
  for (const [token, count] of fewer) {
    const other = more.get(token);
    if (other !== undefined) overlap += count < other ? count : other;
  }
  return (2 * overlap) / (lengthA + lengthB);
}

/**
 * Highest similarity two token lists of these lengths could reach; lets a search skip candidates
 * whose length alone rules them out.
 */
export function similarityBound(lengthA: number, lengthB: number): number {
  if (lengthA + lengthB === 0) return 1;
  return (2 * Math.min(lengthA, lengthB)) / (lengthA + lengthB);
}

/** Short stable hex digest. */
export function shortHash(value: string, length = 10): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
