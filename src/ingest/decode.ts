// Bytes → text: BOMs, UTF-8 validation, legacy single-byte encodings, and refusal of binary files.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { inputError } from '../errors.js';

/** File signatures of formats people rename to .txt by mistake (images, PDFs, archives, office files). */
const BINARY_SIGNATURES: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip
  [0xd0, 0xcf, 0x11, 0xe0], // OLE (old .doc)
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV)
];

const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Decodes an article's raw bytes, throwing an 'input' ReportError for binary content. */
export function decodeArticleBytes(bytes: Uint8Array, file: string): string {
  const binary = (): Error => inputError(`${file}: not a text article (binary content)`);

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8OrLegacy(bytes.subarray(3), binary);
  if (startsWith(bytes, [0xff, 0xfe])) return checkDecoded(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), binary);
  if (startsWith(bytes, [0xfe, 0xff])) return checkDecoded(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), binary);
  if (BINARY_SIGNATURES.some((sig) => startsWith(bytes, sig))) throw binary();

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return checkDecoded(iconv.decode(Buffer.from(bytes), utf16), binary);
  if (looksBinary(bytes)) throw binary();
  return decodeUtf8OrLegacy(bytes, binary);
}

function decodeUtf8OrLegacy(bytes: Uint8Array, binary: () => Error): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: a legacy encoding. chardet guesses from a sample; ISO-8859-1 is read as Windows-1252,
    // its superset, because real Latin-1 files carry curly quotes in the 0x80–0x9F range.
    const guess = chardet.detect(bytes.subarray(0, SNIFF_BYTES));
    const encoding = legacyEncoding(guess);
    return checkDecoded(iconv.decode(Buffer.from(bytes), encoding), binary);
  }
}

function legacyEncoding(guess: string | null): string {
  if (!guess) return 'windows-1252';
  const name = guess.toLowerCase();
  if (name === 'utf-8' || name === 'ascii' || name.startsWith('iso-8859-1') || name.startsWith('utf-16') || name.startsWith('utf-32')) {
    return 'windows-1252';
  }
  return iconv.encodingExists(name) ? name : 'windows-1252';
}

/** UTF-16 without a BOM shows as ASCII letters alternating with NUL bytes. */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes or many control bytes in the first 64 KB mean this is not a text article. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** After decoding, a text with NULs or mostly replacement characters is still binary. */
function checkDecoded(text: string, binary: () => Error): string {
  if (text.includes('\u0000')) throw binary();
  const sample = text.slice(0, SNIFF_BYTES);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.1) throw binary();
  return text;
}

/** A string given directly (tests, callers holding text) still gets the binary check. */
export function checkTextString(text: string, file: string): string {
  return checkDecoded(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, () =>
    inputError(`${file}: not a text article (binary content)`),
  );
}
