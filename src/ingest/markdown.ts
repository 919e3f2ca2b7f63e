// Markdown → blocks: front matter read as metadata, markup stripped, prose kept as written.
import { JSON_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Block } from './clean.js';

export interface FrontMatter {
  title: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

const EMPTY_FRONT_MATTER: FrontMatter = { title: null, published: null, outlet: null, url: null };

/** Splits `---\nYAML\n---` off the top of a Markdown text; malformed YAML is left as text. */
export function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const match = /^---[ \t]*\n([\s\S]{0,65536}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { meta: EMPTY_FRONT_MATTER, body: text };
  let data: unknown;
  try {
    data = loadYaml(match[1] ?? '', { schema: JSON_SCHEMA });
  } catch {
    return { meta: EMPTY_FRONT_MATTER, body: text };
  }
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const pick = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = record[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
      if (typeof value === 'number') return String(value);
    }
    return null;
  };
  return {
    meta: {
      title: pick('title', 'headline'),
      published: pick('date', 'published', 'published_at', 'publishedAt', 'pubDate'),
      outlet: pick('outlet', 'source', 'publisher', 'site'),
      url: pick('url', 'link', 'canonical', 'source_url'),
    },
    body: text.slice(match[0].length),
  };
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]{1,200}\]:\s*\S/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;

/**
 * Inline markup → its text. Every pattern has bounded or single-character repetition so the cost
 * stays linear on long lines full of brackets or asterisks.
 */
export function stripInlineMarkdown(line: string): string {
  return line
    // Bracket classes exclude the opening bracket too, so each attempt stops at the next one: linear.
    .replace(/!\[[^[\]\n]{0,300}\]\([^()\n]{0,500}\)/g, '') // images
    .replace(/!\[[^[\]\n]{0,300}\]\[[^[\]\n]{0,100}\]/g, '')
    .replace(/\[([^[\]\n]{0,300})\]\([^()\n]{0,500}\)/g, '$1') // [text](url)
    .replace(/\[([^[\]\n]{0,300})\]\[[^[\]\n]{0,100}\]/g, '$1') // [text][ref]
    .replace(/<(https?:\/\/[^>\s]{1,500})>/g, '$1') // autolinks
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>]{0,300})?\/?>/g, '') // inline HTML tags
    .replace(/`+/g, '') // code spans keep their text
    .replace(/(^|[\s(\["“‘'])(?:\*{1,3}|_{1,3}|~~)(?=\S)/g, '$1') // opening emphasis
    .replace(/(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?=$|[\s.,;:!?)\]"”’'])/g, '') // closing emphasis
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1'); // backslash escapes
}

/** Markdown body → blocks: one per paragraph (wrapped lines joined), headings marked as such. */
export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length) blocks.push({ text: paragraph.join(' '), kind: 'para' });
    paragraph = [];
  };
  const lines = body.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue; // code blocks are not prose
    let line = raw;
    while (/^\s{0,3}>/.test(line)) line = line.replace(/^\s{0,3}>\s?/, ''); // blockquote markers
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ text: stripInlineMarkdown(heading[2] ?? ''), kind: 'heading' });
      continue;
    }
    const next = lines[i + 1];
    if (paragraph.length === 0 && next !== undefined && SETEXT_UNDERLINE.test(next) && !LIST_ITEM.test(line)) {
      blocks.push({ text: stripInlineMarkdown(line), kind: 'heading' });
      i++;
      continue;
    }
    if (RULE.test(line) || REFERENCE_DEFINITION.test(line) || TABLE_RULE.test(line)) {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      paragraph.push(stripInlineMarkdown(line.replace(LIST_ITEM, '')));
      continue;
    }
    paragraph.push(stripInlineMarkdown(line.trim()));
  }
  flush();
  return blocks;
}
