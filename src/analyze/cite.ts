// One effective statement → the CitedStatement a briefing prints: citations, corroboration, the role
// held that day, why it is filed under its themes, its stances and its commitments.
import { classifyThemes } from '../extract/themes.js';
import type { EffectiveStatement, Theme, ThemeMatch } from '../types.js';
import { citationNumbers, corroboration } from './citations.js';
import { roleOn } from './roles.js';
import { findCommitments, readStances, type StanceLexicon } from './stances.js';
import type { CitedStatement } from './types.js';

/**
 * Why the statement sits under each of its themes, in taxonomy order. Its themes are the effective ones
 * (a reviewer's choice wins); the classifier supplies the cues. A theme the reviewer added that no cue
 * supports gets score 0 and no cues; theme ids missing from the taxonomy are dropped.
 */
export function explainThemes(
  text: string,
  themeIds: readonly string[],
  themes: readonly Theme[],
  threshold?: number,
): ThemeMatch[] {
  const filed = new Set(themeIds);
  const byTheme = new Map(classifyThemes(text, themes, threshold).map((match) => [match.themeId, match]));
  return themes
    .filter((theme) => filed.has(theme.id))
    .map((theme) => byTheme.get(theme.id) ?? { themeId: theme.id, score: 0, cues: [], matched: [] });
}

export interface CiteContext {
  /** File → number in the source list (sourceNumbers). */
  sourceNumbers: ReadonlyMap<string, number>;
  themes: readonly Theme[];
  threshold?: number;
  stances: StanceLexicon;
}

export function citeStatement(statement: EffectiveStatement, context: CiteContext): CitedStatement {
  const themeMatches = explainThemes(statement.text, statement.themes, context.themes, context.threshold);
  const count = corroboration(statement.sources);
  return {
    ...statement,
    themes: themeMatches.map((match) => match.themeId),
    citations: citationNumbers(statement.sources, context.sourceNumbers),
    corroboration: count,
    singleSource: count <= 1,
    themeMatches,
    role: roleOn(statement.speakerInfo, statement.date),
    stances: readStances(statement.text, themeMatches.map((match) => match.themeId), context.stances),
    commitments: findCommitments(statement.text, context.stances),
  };
}
