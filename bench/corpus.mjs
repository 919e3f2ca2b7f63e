// Builds a synthetic corpus for the benchmark by varying the shared articles (../shared/corpus) at run
// time: speakers swapped for other registry people or invented names, numbers changed, and the date
// header, the sidecar's published date and the dates in the text shifted by the same random number of
// days. Nothing of the articles' text is written outside the temporary folder given.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_INDEX = new Map(MONTHS.map((name, index) => [name.toLowerCase(), index]));
const MONTH_RE = MONTHS.join('|');
const FIRST = ['Adeel', 'Samina', 'Farhan', 'Nasreen', 'Tariq', 'Hina', 'Kamran', 'Zubaida', 'Rashid', 'Shazia', 'Imtiaz', 'Noreen', 'Javed', 'Ayesha', 'Waqar', 'Sadia'];
const LAST = ['Rind', 'Mengal', 'Raisani', 'Jamali', 'Marri', 'Zehri', 'Kakar', 'Achakzai', 'Lehri', 'Bizenjo', 'Magsi', 'Domki', 'Khosa', 'Mandokhel'];
const PERSON_GROUPS = new Set(['federal-government', 'provincial-government', 'military', 'other', 'civil-society']);
const PERSON_NAME = /^(?:\p{Lu}[\p{L}'’-]+ ){1,3}\p{Lu}[\p{L}'’-]+$/u;
const NOT_A_PERSON = /\b(?:Committee|Cabinet|Government|government|Office|Ministry|Army|Front|Party|Council|Force|Department|Pakistan|News|Commissioner|Minister)\b/;

/** A small seeded generator (mulberry32): the same corpus on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shared articles (text and sidecar row), or null when ../shared is absent. */
export function loadSeeds(sharedCorpus) {
  const seeds = [];
  for (const folder of ['seeds', 'dev']) {
    const dir = path.join(sharedCorpus, folder);
    let names;
    try {
      names = readdirSync(dir);
    } catch {
      return null;
    }
    const sidecar = new Map();
    if (names.includes('sources.tsv')) {
      const [header, ...rows] = readFileSync(path.join(dir, 'sources.tsv'), 'utf8').split('\n').filter(Boolean);
      const columns = header.split('\t');
      for (const row of rows) {
        const cells = row.split('\t');
        sidecar.set(cells[0], Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ''])));
      }
    }
    for (const name of names.filter((n) => n.endsWith('.txt')).sort()) {
      seeds.push({ name, text: readFileSync(path.join(dir, name), 'utf8'), row: sidecar.get(name) ?? null });
    }
  }
  return seeds;
}

/** People of the registry (not governments, groups or countries), with their one-word aliases. */
export function registryPeople(speakersYaml) {
  const data = loadYaml(readFileSync(speakersYaml, 'utf8'));
  return data.speakers
    .filter((s) => PERSON_GROUPS.has(s.group) && PERSON_NAME.test(s.name) && !NOT_A_PERSON.test(s.name))
    .map((s) => ({ name: s.name, short: [...new Set((s.aliases ?? []).filter((a) => /^\p{Lu}[\p{L}-]+$/u.test(a)))] }));
}

function shiftIso(iso, days) {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function shiftParts(month, day, year, days) {
  const date = new Date(Date.UTC(year, month, day));
  date.setUTCDate(date.getUTCDate() + days);
  return { month: MONTHS[date.getUTCMonth()], day: date.getUTCDate(), year: date.getUTCFullYear() };
}

/** Dates in the text, shifted by `days`, replaced by placeholders (restored after the numbers change). */
function shiftDates(text, days, held) {
  const hold = (value) => {
    held.push(value);
    return `\u0000${held.length - 1}\u0000`;
  };
  text = text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => hold(shiftIso(iso, days)));
  text = text.replace(new RegExp(`\\b(${MONTH_RE}) (\\d{1,2})(, (\\d{4}))?\\b`, 'g'), (all, month, day, _y, year) => {
    const moved = shiftParts(MONTH_INDEX.get(month.toLowerCase()), Number(day), Number(year ?? 2024), days);
    const dd = day.length === 2 ? String(moved.day).padStart(2, '0') : String(moved.day);
    return hold(`${moved.month} ${dd}${year ? `, ${moved.year}` : ''}`);
  });
  text = text.replace(new RegExp(`\\b(\\d{1,2}) (${MONTH_RE})( (\\d{4}))?\\b`, 'g'), (all, day, month, _y, year) => {
    const moved = shiftParts(MONTH_INDEX.get(month.toLowerCase()), Number(day), Number(year ?? 2024), days);
    return hold(`${moved.day} ${moved.month}${year ? ` ${moved.year}` : ''}`);
  });
  return text;
}

function swapNames(text, people, next) {
  const present = people.filter((person) => text.includes(person.name) || person.short.some((s) => text.includes(s)));
  for (const person of present) {
    let replacement;
    if (next() < 0.5 && people.length > 1) {
      replacement = people[Math.floor(next() * people.length)].name;
    } else {
      replacement = `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]}`;
    }
    if (replacement === person.name) continue;
    const surname = replacement.split(' ').at(-1);
    text = text.replace(new RegExp(escape(person.name), 'g'), `\u0001${replacement}\u0001`);
    for (const short of person.short) text = text.replace(new RegExp(`\\b${escape(short)}\\b`, 'g'), `\u0001${surname}\u0001`);
  }
  return text.replace(/\u0001/g, '');
}

function changeNumbers(text, next) {
  return text.replace(/(?<![\d.,\u0000])\b(\d{1,3})\b(?![\d\u0000]|[.,]\d)/g, (number) => {
    const value = Number(number);
    if (value < 2) return number;
    return String(Math.max(1, Math.round(value * (0.7 + next() * 0.6))));
  });
}

/** One variant of a seed article: its text and sidecar row. */
export function variant(seed, index, people) {
  const next = random(index * 7919 + 17);
  const days = Math.floor(next() * 41) - 20;
  const held = [];
  let text = shiftDates(seed.text, days, held);
  text = swapNames(text, people, next);
  text = changeNumbers(text, next);
  text = text.replace(/\u0000(\d+)\u0000/g, (_, n) => held[Number(n)]);
  const row = seed.row
    ? { ...seed.row, published: seed.row.published ? shiftIso(seed.row.published, days) : '', url: seed.row.url ? `${seed.row.url}?v=${index}` : '' }
    : null;
  return { text, row };
}

/**
 * Writes `count` articles into `dir` (subfolders of 500, each with its sources.tsv) and returns the
 * total size in bytes. Variants that come out identical to an earlier one get another seed.
 */
export function buildCorpus(dir, count, seeds, people) {
  const seen = new Set();
  let bytes = 0;
  let folder = null;
  let rows = [];
  const flush = () => {
    if (folder && rows.length > 0) {
      writeFileSync(path.join(folder, 'sources.tsv'), ['file\turl\tpublished\toutlet', ...rows].join('\n') + '\n');
    }
    rows = [];
  };
  for (let index = 0; index < count; index += 1) {
    if (index % 500 === 0) {
      flush();
      folder = path.join(dir, `part-${String(index / 500).padStart(3, '0')}`);
      mkdirSync(folder, { recursive: true });
    }
    const seed = seeds[index % seeds.length];
    let made;
    for (let attempt = 0; ; attempt += 1) {
      made = variant(seed, index + attempt * 1_000_003, people);
      // A seed with few dates, names and numbers runs out of variants: vary a reporting credit then.
      if (attempt > 2) {
        const next = random(index * 31 + attempt);
        made.text += `\n\nAdditional reporting by ${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]} (${index}-${attempt}).\n`;
      }
      const hash = createHash('sha1').update(made.text).digest('hex');
      if (!seen.has(hash) || attempt > 20) {
        seen.add(hash);
        break;
      }
    }
    const name = `a${String(index).padStart(5, '0')}-${seed.name}`;
    writeFileSync(path.join(folder, name), made.text);
    bytes += Buffer.byteLength(made.text);
    if (made.row) rows.push([name, made.row.url, made.row.published, made.row.outlet].join('\t'));
  }
  flush();
  return { bytes, unique: seen.size };
}
