// Where did each section land? Chromium does not resolve CSS `target-counter()`, but it does write a
// named destination for every element a link points at, and the contents page links to every section.
// Reading those destinations back gives each section's page without matching any text.
import type { PDFDocumentProxy } from 'pdfjs-dist';

async function openPdf(pdf: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: pdf.slice(), verbosity: 0, isEvalSupported: false }).promise;
}

export interface PdfLayout {
  pages: number;
  /** Section id → 1-based page number where its element starts. */
  starts: Record<string, number>;
}

/**
 * Page count and the start page of each of `ids` (ids without a destination are left out). Chromium's
 * own PDFs are read directly (readLayoutDirect); anything else goes through pdfjs.
 */
export async function readLayout(pdf: Uint8Array, ids: string[]): Promise<PdfLayout> {
  return readLayoutDirect(pdf, ids) ?? readLayoutWithPdfjs(pdf, ids);
}

/** readLayout through pdfjs: slower to load and parse, but reads any PDF. */
export async function readLayoutWithPdfjs(pdf: Uint8Array, ids: string[]): Promise<PdfLayout> {
  const doc = await openPdf(pdf);
  try {
    const starts: Record<string, number> = {};
    const destinations = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    for (const id of ids) {
      const ref = destinations[id]?.[0];
      if (!ref || typeof ref !== 'object') continue;
      starts[id] = (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
    return { pages: doc.numPages, starts };
  } finally {
    await doc.destroy();
  }
}

/** The text of each page, items joined by spaces (for tests and checks). */
export async function readPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await openPdf(pdf);
  try {
    const texts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      texts.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    return texts;
  } finally {
    await doc.destroy();
  }
}

// --- Reading the layout without a PDF library -----------------------------------------------------
// Chromium (Skia) writes plain objects, a classic xref table, a page tree of /Pages and /Page
// dictionaries and the named destinations as one /Dests dictionary in the catalog. That is all the
// layout needs, so it is read from the bytes directly; anything unexpected returns null (→ pdfjs).

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Object number → byte offset, from the xref tables (newest first, following /Prev). */
function xrefOffsets(text: string): Map<number, number> | null {
  const offsets = new Map<number, number>();
  const start = /startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')));
  let at = start ? Number(start[1]) : NaN;
  for (let hops = 0; Number.isFinite(at) && hops < 32; hops += 1) {
    if (text.slice(at, at + 4) !== 'xref') return null;
    const trailerAt = text.indexOf('trailer', at);
    if (trailerAt < 0) return null;
    const lines = text.slice(at + 4, trailerAt).trim().split(/\r?\n|\r/);
    let number = 0;
    for (const line of lines) {
      const section = /^(\d+)\s+(\d+)$/.exec(line.trim());
      if (section) {
        number = Number(section[1]);
        continue;
      }
      const entry = /^(\d{10})\s+\d{5}\s+([nf])/.exec(line.trim());
      if (!entry) return null;
      if (entry[2] === 'n' && !offsets.has(number)) offsets.set(number, Number(entry[1]));
      number += 1;
    }
    const previous = /\/Prev\s+(\d+)/.exec(text.slice(trailerAt, text.indexOf('startxref', trailerAt)));
    at = previous ? Number(previous[1]) : NaN;
  }
  return offsets;
}

/** The latest trailer's dictionary text. */
function lastTrailer(text: string): string {
  const at = text.lastIndexOf('trailer');
  return at < 0 ? '' : text.slice(at, text.indexOf('startxref', at));
}

/** Names in PDF syntax escape other bytes as #xx. */
const pdfName = (raw: string): string => raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export function readLayoutDirect(pdf: Uint8Array, ids: string[]): PdfLayout | null {
  try {
    const text = latin1(pdf);
    const offsets = xrefOffsets(text);
    if (!offsets) return null;
    const object = (number: number): string | null => {
      const at = offsets.get(number);
      if (at === undefined || !text.startsWith(`${number} `, at)) return null;
      const end = text.indexOf('endobj', at);
      const body = text.slice(at, end < 0 ? undefined : end);
      const stream = body.indexOf('stream');
      return stream < 0 ? body : body.slice(0, stream);
    };
    const ref = (body: string | null, key: string): number | null => {
      const match = body === null ? null : new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(body);
      return match ? Number(match[1]) : null;
    };
    const catalog = object(ref(lastTrailer(text), 'Root') ?? -1);
    const pagesRoot = ref(catalog, 'Pages');
    const dests = ref(catalog, 'Dests');
    if (catalog === null || pagesRoot === null) return null;

    // Page objects in document order, by walking the page tree.
    const pageIndex = new Map<number, number>();
    const walk = (number: number, depth: number): boolean => {
      const body = object(number);
      if (body === null || depth > 32) return false;
      if (/\/Type\s*\/Pages\b/.test(body)) {
        const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1];
        if (kids === undefined) return false;
        for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) if (!walk(Number(kid[1]), depth + 1)) return false;
        return true;
      }
      if (!/\/Type\s*\/Page\b/.test(body)) return false;
      pageIndex.set(number, pageIndex.size);
      return true;
    };
    if (!walk(pagesRoot, 0)) return null;

    const starts: Record<string, number> = {};
    if (dests !== null) {
      const body = object(dests);
      if (body === null) return null;
      const wanted = new Set(ids);
      for (const entry of body.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) {
        const name = pdfName(entry[1] as string);
        const page = pageIndex.get(Number(entry[2]));
        if (wanted.has(name) && page !== undefined && !(name in starts)) starts[name] = page + 1;
      }
    } else if (/\/Names\b/.test(catalog)) {
      return null; // destinations in a name tree: leave it to pdfjs
    }
    return { pages: pageIndex.size, starts };
  } catch {
    return null;
  }
}
