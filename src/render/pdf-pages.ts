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

/** Page count and the start page of each of `ids` (ids without a destination are left out). */
export async function readLayout(pdf: Uint8Array, ids: string[]): Promise<PdfLayout> {
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
