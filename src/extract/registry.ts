// The speaker registry compiled for matching: one alias regex per case mode, role aliases with their
// dates, and the name tokens of people for spelling-tolerant matching. Compiled once per Registry.
import type { IsoDate, Registry, Speaker } from '../types.js';
import { collapseSpaces } from './text.js';

/** What kind of voice a registry speaker is; inferred from its group and name. */
export type SpeakerKind = 'person' | 'institution' | 'body' | 'group';

export interface CompiledSpeaker {
  speaker: Speaker;
  kind: SpeakerKind;
  /** Foreign governments and international bodies: their officials speak for them. */
  foreign: boolean;
  /** Lower-cased name tokens of a person ("mohsin", "naqvi"), for fuzzy matching. */
  nameTokens: string[];
}

export interface AliasHit {
  start: number;
  end: number;
  text: string;
  speaker: CompiledSpeaker;
  /** The alias is a role noun ("interior minister"), valid only while the role is held. */
  role: boolean;
  from: IsoDate | null;
  to: IsoDate | null;
}

interface AliasEntry {
  speaker: CompiledSpeaker;
  role: boolean;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface CompiledRegistry {
  registry: Registry;
  speakers: CompiledSpeaker[];
  byId: Map<string, CompiledSpeaker>;
  /** Speakers by their lower-cased display name (the first listed, when two share one). */
  byLowerName: Map<string, CompiledSpeaker>;
  /** Finds every alias in a phrase (longest first, non-overlapping). */
  findAliases(text: string): AliasHit[];
  /** People whose surname (or a spelling one letter off) is `token`. */
  peopleBySurname(token: string): CompiledSpeaker[];
  /**
   * Where the first alias of a deliberative body (kind 'body') begins at or after `from`, taken on its
   * own, or -1. A cheap necessary test: findAliases can find a body only where this finds one, as a
   * longer alias of someone else may still win there.
   */
  nextBodyAliasAt(text: string, from: number): number;
}

const INSTITUTIONAL_GROUPS = new Set(['foreign-government', 'international-organisation', 'media']);
const BODY_WORDS = /\b(?:committee|cabinet|council|forum|assembly|senate|commission|conference|jirga|parliament)\b/i;
const INSTITUTION_WORDS =
  /\b(?:government|ministry|office|department|army|military|ispr|agency|authority|police|force|forces|embassy|party|front|movement|liberation|league|union|nations|news|tv|station|bank|railways|pakistan|corps|directorate|secretariat|mission|organisation|organization|institute|centre|center)\b/i;

function inferKind(speaker: Speaker): SpeakerKind {
  if (speaker.group === 'militant-group') return 'group';
  if (INSTITUTIONAL_GROUPS.has(speaker.group)) return 'institution';
  // A deliberative body of the state (its meetings decide); a protest "committee" is an organisation.
  if (BODY_WORDS.test(speaker.name) && /government|military/.test(speaker.group)) return 'body';
  // Any other committee, council or commission is an organisation, never a person's name.
  if (INSTITUTION_WORDS.test(speaker.name) || BODY_WORDS.test(speaker.name) || speaker.name === speaker.name.toUpperCase()) return 'institution';
  // A person's display name is two or more capitalised words with no institutional word in it.
  return /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)+$/u.test(speaker.name) ? 'person' : 'institution';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for an alias: flexible spaces, hyphens and apostrophes. */
function aliasSource(alias: string): string {
  return alias
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]").replace(/-/g, '[-‐‑–\\s]?'))
    .join('\\s+');
}

/** Acronyms and short all-caps aliases (US, UN, CM, PM) only match in capitals: "us" is a pronoun. */
function isCaseSensitive(alias: string): boolean {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters.length <= 6;
}

const NAME_TOKEN = /[\p{L}][\p{L}'’-]*/gu;

function lowerTokens(text: string): string[] {
  return (text.match(NAME_TOKEN) ?? []).map((token) => token.toLowerCase());
}

export function levenshtein(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] ?? cap + 1;
}

/** Sticky: tried only where a word that begins some alias begins (see `firstWordKey`). */
function buildMatcher(entries: Map<string, AliasEntry[]>, flags: string): RegExp | null {
  const aliases = [...entries.keys()].sort((a, b) => b.length - a.length);
  if (aliases.length === 0) return null;
  return new RegExp(`(?:${aliases.map(aliasSource).join('|')})(?![\\p{L}\\p{N}])`, `${flags}y`);
}

/** The aliases of a table that name a deliberative body, as one global (searching) regex. */
function buildBodySearch(entries: Map<string, AliasEntry[]>, flags: string): RegExp | null {
  const bodies = new Map([...entries].filter(([, list]) => list.some((entry) => entry.speaker.kind === 'body')));
  const sticky = buildMatcher(bodies, flags);
  return sticky && new RegExp(sticky.source, `${flags}g`);
}

/** The first word of an alias or a text token, cut at a hyphen, apostrophe or full stop ("inter", "u"). */
function firstWordKey(word: string, caseSensitive: boolean): string {
  const cut = word.split(/[-‐‑–'’.\s]/)[0] ?? '';
  return caseSensitive ? cut : cut.toLowerCase();
}

/** Whole runs of letters and digits: each starts where no letter or digit stands before it. */
const WORD_START = /[\p{L}\p{N}]+/gu;

function normaliseAlias(alias: string, caseSensitive: boolean): string {
  const flat = collapseSpaces(alias.trim()).replace(/’/g, "'").replace(/[‐‑–]/g, '-');
  return caseSensitive ? flat : flat.toLowerCase();
}

export function compileRegistry(registry: Registry): CompiledRegistry {
  const speakers: CompiledSpeaker[] = registry.speakers.map((speaker) => {
    const kind = inferKind(speaker);
    return {
      speaker,
      kind,
      foreign: speaker.group === 'foreign-government' || speaker.group === 'international-organisation',
      nameTokens: kind === 'person' ? lowerTokens(speaker.name) : [],
    };
  });
  const sensitive = new Map<string, AliasEntry[]>();
  const insensitive = new Map<string, AliasEntry[]>();
  const add = (alias: string, entry: AliasEntry) => {
    if (!alias.trim()) return;
    const caseSensitive = isCaseSensitive(alias);
    const key = normaliseAlias(alias, caseSensitive);
    const table = caseSensitive ? sensitive : insensitive;
    const list = table.get(key) ?? [];
    list.push(entry);
    table.set(key, list);
  };
  for (const compiled of speakers) {
    const { speaker } = compiled;
    add(speaker.name, { speaker: compiled, role: false, from: null, to: null });
    for (const alias of speaker.aliases) add(alias, { speaker: compiled, role: false, from: null, to: null });
    for (const role of speaker.roles) {
      for (const alias of role.aliases ?? []) {
        add(alias, { speaker: compiled, role: true, from: role.from ?? null, to: role.to ?? null });
      }
    }
  }
  const sensitiveRe = buildMatcher(sensitive, 'u');
  const insensitiveRe = buildMatcher(insensitive, 'iu');
  const sensitiveFirst = new Set([...sensitive.keys()].map((alias) => firstWordKey(alias, true)));
  const insensitiveFirst = new Set([...insensitive.keys()].map((alias) => firstWordKey(alias, false)));
  const surnames = new Map<string, CompiledSpeaker[]>();
  for (const compiled of speakers) {
    const last = compiled.nameTokens.at(-1);
    if (!last) continue;
    surnames.set(last, [...(surnames.get(last) ?? []), compiled]);
  }

  /** One pass over the words of `text`, trying the alias regexes only where some alias begins. */
  function collect(text: string, out: AliasHit[]) {
    WORD_START.lastIndex = 0;
    for (let word = WORD_START.exec(text); word; word = WORD_START.exec(text)) {
      const at = word.index;
      const token = word[0];
      if (sensitiveRe && sensitiveFirst.has(token)) tryAt(sensitiveRe, sensitive, true, text, at, out);
      if (insensitiveRe && insensitiveFirst.has(token.toLowerCase())) tryAt(insensitiveRe, insensitive, false, text, at, out);
    }
  }
  function tryAt(re: RegExp, table: Map<string, AliasEntry[]>, caseSensitive: boolean, text: string, at: number, out: AliasHit[]) {
    re.lastIndex = at;
    const match = re.exec(text);
    if (!match) return;
    const key = normaliseAlias(match[0], caseSensitive);
    for (const entry of table.get(key) ?? []) out.push({ start: at, end: at + match[0].length, text: match[0], ...entry });
  }
  const bodySearches = [buildBodySearch(sensitive, 'u'), buildBodySearch(insensitive, 'iu')].filter((re) => re !== null);
  const cache = new Map<string, AliasHit[]>();
  const nearSurnames = new Map<string, CompiledSpeaker[]>();

  return {
    registry,
    speakers,
    byId: new Map(speakers.map((compiled) => [compiled.speaker.id, compiled])),
    byLowerName: lowerNameIndex(speakers),
    findAliases(text: string): AliasHit[] {
      const cached = cache.get(text);
      if (cached) return cached;
      const hits: AliasHit[] = [];
      collect(text, hits);
      // Where two overlap, the one that ends later wins, as the head of an English noun phrase comes
      // last ("the army chief" is a chief, not the army); at the same end the longer one wins
      // ("Balochistan Home Ministry" over "Home Ministry").
      hits.sort((a, b) => b.end - a.end || a.start - b.start);
      const kept: AliasHit[] = [];
      for (const hit of hits) {
        const clash = kept.find((k) => hit.start < k.end && k.start < hit.end);
        if (clash && !(clash.start === hit.start && clash.end === hit.end)) continue;
        kept.push(hit);
      }
      kept.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
      // Phrases and sentences recur (pronouns, role nouns, repeated paragraphs): keep recent answers.
      if (text.length < 2000) {
        if (cache.size > 5000) cache.clear();
        cache.set(text, kept);
      }
      return kept;
    },
    peopleBySurname(token: string): CompiledSpeaker[] {
      const lower = token.toLowerCase();
      const exact = surnames.get(lower);
      if (exact) return exact;
      if (lower.length < 4) return [];
      // The same few names come back in every article: each spelling is compared with the registry once.
      const known = nearSurnames.get(lower);
      if (known) return known;
      const near: CompiledSpeaker[] = [];
      for (const [surname, list] of surnames) if (levenshtein(surname, lower, 1) <= 1) near.push(...list);
      if (nearSurnames.size > 20_000) nearSurnames.clear();
      nearSurnames.set(lower, near);
      return near;
    },
    nextBodyAliasAt(text: string, from: number): number {
      let first = -1;
      for (const re of bodySearches) {
        re.lastIndex = from;
        const match = re.exec(text);
        if (match && (first < 0 || match.index < first)) first = match.index;
      }
      return first;
    },
  };
}

function lowerNameIndex(speakers: readonly CompiledSpeaker[]): Map<string, CompiledSpeaker> {
  const index = new Map<string, CompiledSpeaker>();
  for (const compiled of speakers) {
    const key = compiled.speaker.name.toLowerCase();
    if (!index.has(key)) index.set(key, compiled);
  }
  return index;
}

/** True when a role alias holds on `date` (any date when the article is undated). */
export function roleHolds(hit: AliasHit, date: IsoDate | null): boolean {
  if (!hit.role) return true;
  if (!date) return hit.to === null;
  if (hit.from && date < hit.from) return false;
  if (hit.to && date > hit.to) return false;
  return true;
}
