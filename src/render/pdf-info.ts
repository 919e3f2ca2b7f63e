// Sets the PDF's document information (Title, Subject, Keywords, Author, Creator). Chromium only writes
// Title (from <title>) and puts its user agent in Creator. Rather than add a PDF library, we append an
// incremental update (PDF 1.7 §7.5.6): a new Info object, a one-entry xref section and a trailer that
// points back to the original. Readers take the newest objects; the original bytes stay untouched.
// Works on files with a classic xref table and trailer, which is what Skia writes; anything else is
// returned unchanged.

export type PdfInfo = Partial<Record<'Title' | 'Subject' | 'Keywords' | 'Author' | 'Creator', string>>;

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A PDF text string as UTF-16BE with a byte-order mark, hex-encoded: safe for any characters. */
function pdfTextString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

export function setPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const text = latin1(pdf);
  const startxrefAt = text.lastIndexOf('startxref');
  const trailerAt = text.lastIndexOf('trailer');
  if (startxrefAt < 0 || trailerAt < 0 || trailerAt > startxrefAt) return pdf;
  const previousXref = /startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1];
  const trailer = text.slice(trailerAt, startxrefAt);
  const size = /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  if (!previousXref || !size || !root) return pdf;
  const existingInfo = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const infoNumber = existingInfo ? Number(existingInfo[1]) : Number(size);
  const infoGeneration = existingInfo ? Number(existingInfo[2]) : 0;
  const newSize = Math.max(Number(size), infoNumber + 1);

  // Keep what Chromium wrote (dates, Producer) unless we override it.
  const kept: Record<string, string> = {};
  if (existingInfo) {
    const objectAt = text.lastIndexOf(`\n${infoNumber} ${infoGeneration} obj`);
    const body = objectAt >= 0 ? text.slice(objectAt, text.indexOf('endobj', objectAt)) : '';
    for (const key of ['Producer', 'CreationDate', 'ModDate']) {
      const match = new RegExp(`/${key}\\s*(\\([^)]*\\)|<[0-9A-Fa-f]*>)`).exec(body);
      if (match?.[1]) kept[key] = match[1];
    }
  }
  const entries = Object.entries(kept).map(([key, value]) => `/${key} ${value}`);
  for (const [key, value] of Object.entries(info)) {
    if (value) entries.push(`/${key} ${pdfTextString(value)}`);
  }

  const needsNewline = text.endsWith('\n') ? '' : '\n';
  const objectOffset = pdf.byteLength + needsNewline.length;
  const object = `${infoNumber} ${infoGeneration} obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const xref =
    `xref\n${infoNumber} 1\n${String(objectOffset).padStart(10, '0')} ${String(infoGeneration).padStart(5, '0')} n \n` +
    `trailer\n<</Size ${newSize}\n/Root ${root}\n/Info ${infoNumber} ${infoGeneration} R\n/Prev ${previousXref}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  const update = Buffer.from(needsNewline + object + xref, 'latin1');
  const out = new Uint8Array(pdf.byteLength + update.byteLength);
  out.set(pdf, 0);
  out.set(update, pdf.byteLength);
  return out;
}
