// The briefing's fonts, inlined as data: URLs so the PDF looks the same on every machine with no
// network and the HTML preview is one self-contained file. Only the weights the theme uses and the
// latin + latin-ext subsets (with their unicode-ranges, so the browser loads a subset only when used).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportError } from '../errors.js';

interface FontFace {
  family: string;
  packageName: string;
  /** File-name stem used by @fontsource, e.g. "inter" or "source-serif-4". */
  stem: string;
  weight: number;
  style: 'normal' | 'italic';
}

/** Sans for headings, labels and charts; serif for reading text and quotes. */
const FACES: FontFace[] = [
  { family: 'Inter', packageName: '@fontsource/inter', stem: 'inter', weight: 400, style: 'normal' },
  { family: 'Inter', packageName: '@fontsource/inter', stem: 'inter', weight: 600, style: 'normal' },
  { family: 'Source Serif 4', packageName: '@fontsource/source-serif-4', stem: 'source-serif-4', weight: 400, style: 'normal' },
  { family: 'Source Serif 4', packageName: '@fontsource/source-serif-4', stem: 'source-serif-4', weight: 400, style: 'italic' },
  { family: 'Source Serif 4', packageName: '@fontsource/source-serif-4', stem: 'source-serif-4', weight: 600, style: 'normal' },
];

const SUBSETS = ['latin-ext', 'latin'] as const;

const require = createRequire(import.meta.url);
let cached: string | undefined;

/** The unicode-range @fontsource declares for one subset of one face (read from its own CSS). */
function unicodeRange(packageDir: string, face: FontFace, subset: string): string | null {
  const cssFile = join(packageDir, `${face.weight}${face.style === 'italic' ? '-italic' : ''}.css`);
  const css = readFileSync(cssFile, 'utf8');
  const marker = `/* ${face.stem}-${subset}-${face.weight}-${face.style} */`;
  const at = css.indexOf(marker);
  if (at < 0) return null;
  const block = css.slice(at, css.indexOf('}', at));
  return /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.trim() ?? null;
}

/** @font-face rules with the woff2 files as base64 data: URLs. Built once per process. */
export function fontFaceCss(): string {
  if (cached !== undefined) return cached;
  const rules: string[] = [];
  for (const face of FACES) {
    let packageDir: string;
    try {
      packageDir = dirname(require.resolve(`${face.packageName}/package.json`));
    } catch (error) {
      throw new ReportError('environment', `font package ${face.packageName} is not installed: run \`npm ci\``, { cause: error });
    }
    for (const subset of SUBSETS) {
      const file = join(packageDir, 'files', `${face.stem}-${subset}-${face.weight}-${face.style}.woff2`);
      const data = readFileSync(file).toString('base64');
      const range = unicodeRange(packageDir, face, subset);
      rules.push(
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');${range ? `unicode-range:${range};` : ''}}`,
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
