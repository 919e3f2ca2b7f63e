// A theme is a folder, like a JSON Resume theme: briefing.hbs, partials/*.hbs and style.css. A user's
// `--template DIR` with the same shape drops in; any file it lacks comes from the default theme.
// Templates are parsed up front so a syntax error or a missing partial is reported with its file,
// line and column before anything renders.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { ReportError } from '../errors.js';
import { HELPER_NAMES, registerHelpers } from './helpers.js';

export const DEFAULT_THEME_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateFile {
  /** Partial name (file name without .hbs) or "briefing" for the main template. */
  name: string;
  path: string;
  source: string;
}

export interface LoadedTheme {
  main: TemplateFile;
  partials: Map<string, TemplateFile>;
  css: { path: string; text: string };
  /** Every file the theme is built from (for a watcher). */
  files: string[];
}

/** A path as the user would like to read it: relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !resolve(rel).startsWith('..') ? rel : path;
}

function readPartials(dir: string): Map<string, TemplateFile> {
  const partials = new Map<string, TemplateFile>();
  const folder = join(dir, 'partials');
  if (!existsSync(folder)) return partials;
  for (const entry of readdirSync(folder).sort()) {
    if (extname(entry) !== '.hbs') continue;
    const path = join(folder, entry);
    partials.set(basename(entry, '.hbs'), { name: basename(entry, '.hbs'), path, source: readFileSync(path, 'utf8') });
  }
  return partials;
}

/** Loads the default theme, overlaid with a user's theme folder if given. */
export function loadTheme(userDir?: string): LoadedTheme {
  const dirs = [DEFAULT_THEME_DIR];
  if (userDir !== undefined) {
    const dir = resolve(userDir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new ReportError('usage', `--template ${userDir}: not a folder; expected a theme folder with briefing.hbs, partials/*.hbs and/or style.css`);
    }
    dirs.push(dir);
  }
  // Later folders win, file by file.
  let main: TemplateFile | undefined;
  let css: { path: string; text: string } | undefined;
  const partials = new Map<string, TemplateFile>();
  for (const dir of dirs) {
    const mainPath = join(dir, 'briefing.hbs');
    if (existsSync(mainPath)) main = { name: 'briefing', path: mainPath, source: readFileSync(mainPath, 'utf8') };
    const cssPath = join(dir, 'style.css');
    if (existsSync(cssPath)) css = { path: cssPath, text: readFileSync(cssPath, 'utf8') };
    for (const [name, file] of readPartials(dir)) partials.set(name, file);
  }
  if (!main || !css) {
    throw new ReportError('environment', `the default theme in ${DEFAULT_THEME_DIR} is incomplete (briefing.hbs and style.css are needed)`);
  }
  return { main, partials, css, files: [main.path, css.path, ...[...partials.values()].map((p) => p.path)] };
}

type HbAst = ReturnType<typeof Handlebars.parse>;

/** Parses one template, turning a parse error into `FILE:LINE:COLUMN: message`. */
function parseTemplate(file: TemplateFile): HbAst {
  try {
    return Handlebars.parse(file.source);
  } catch (error) {
    const where = errorLocation(error);
    const message = error instanceof Error ? summariseParseError(error.message, lexerMatch()) : String(error);
    throw new ReportError('input', `${displayPath(file.path)}:${where.line}:${where.column}: ${message}`, { cause: error });
  }
}

/** Line and column (1-based) of a Handlebars parse or compile error. */
function errorLocation(error: unknown): { line: number; column: number } {
  const exception = error as { lineNumber?: number; column?: number };
  if (typeof exception.lineNumber === 'number') return { line: exception.lineNumber, column: (exception.column ?? 0) + 1 };
  // Jison's parse errors carry no location; its lexer still holds the position of the failing token.
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer;
  const loc = lexer?.yylloc;
  if (loc) return { line: loc.first_line, column: loc.first_column + 1 };
  const line = /line (\d+)/.exec(String((error as Error).message))?.[1];
  return { line: line ? Number(line) : 1, column: 1 };
}

/** The text of the token the Handlebars lexer stopped at (after a parse error). */
function lexerMatch(): string | null {
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { match?: string } } }).Parser?.lexer;
  return typeof lexer?.match === 'string' && lexer.match !== '' ? lexer.match : null;
}

/** "Parse error on line 2:\n…\n---^\nExpecting 'ID', got 'CLOSE'" → "syntax error: unexpected "}}" (expecting ID, …)". */
function summariseParseError(message: string, token: string | null): string {
  const lines = message.split('\n');
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  if (expecting) {
    const got = /got '([^']+)'/.exec(expecting)?.[1];
    const expected = [...expecting.matchAll(/'([^']+)'/g)].map((m) => m[1]).slice(0, -1);
    const shown = expected.slice(0, 4).join(', ') + (expected.length > 4 ? ', …' : '');
    const unexpected = token ? JSON.stringify(token) : got === 'EOF' ? 'end of file' : (got ?? 'token');
    return `syntax error: unexpected ${unexpected} (expecting ${shown})`;
  }
  if (lines[0]?.startsWith('Parse error')) return `syntax error: ${lines.slice(1).join(' ').trim() || 'unexpected input'}`;
  // Block mismatch errors end with " - LINE:COL", which we already put in front.
  return lines[0]!.replace(/ - \d+:\d+$/, '');
}

interface PartialReference {
  name: string;
  line: number;
  column: number;
}

/** The static partial names a template uses ({{> name}}) and the inline partials it defines. */
function partialReferences(ast: HbAst): { used: PartialReference[]; inline: Set<string> } {
  const used: PartialReference[] = [];
  const inline = new Set<string>();
  const visitor = new Handlebars.Visitor();
  type Node = { name?: { type: string; original?: unknown }; loc?: { start: { line: number; column: number } } };
  const record = (node: Node): void => {
    if (node.name?.type === 'PathExpression' || node.name?.type === 'StringLiteral') {
      used.push({ name: String(node.name.original), line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 });
    }
  };
  const base = Handlebars.Visitor.prototype as unknown as Record<string, (node: unknown) => unknown>;
  const custom = visitor as unknown as Record<string, (node: unknown) => unknown>;
  custom.PartialStatement = function (this: unknown, node: unknown) {
    record(node as Node);
    return base.PartialStatement!.call(this, node);
  };
  custom.PartialBlockStatement = function (this: unknown, node: unknown) {
    record(node as Node);
    return base.PartialBlockStatement!.call(this, node);
  };
  custom.DecoratorBlock = function (this: unknown, node: unknown) {
    const decorator = node as { path?: { original?: unknown }; params?: { value?: unknown }[] };
    if (decorator.path?.original === 'inline' && typeof decorator.params?.[0]?.value === 'string') inline.add(decorator.params[0].value);
    return base.DecoratorBlock!.call(this, node);
  };
  visitor.accept(ast);
  return { used, inline };
}

export type RenderTemplate = (context: object) => string;

/**
 * Parses and checks every template of the theme, registers our helpers and the partials on a private
 * Handlebars environment, and returns the render function.
 */
export function compileTheme(theme: LoadedTheme): RenderTemplate {
  const hb = Handlebars.create();
  const all = [theme.main, ...theme.partials.values()];
  const asts = new Map(all.map((file) => [file, parseTemplate(file)]));
  const available = [...theme.partials.keys()];
  for (const [file, ast] of asts) {
    const { used, inline } = partialReferences(ast);
    for (const ref of used) {
      if (ref.name === '@partial-block' || theme.partials.has(ref.name) || inline.has(ref.name)) continue;
      throw new ReportError(
        'input',
        `${displayPath(file.path)}:${ref.line}:${ref.column}: partial "${ref.name}" not found (available: ${available.join(', ') || 'none'})`,
      );
    }
  }

  // Which template is running, so a failing helper can say where it was called from.
  const running: TemplateFile[] = [];
  const current = (): TemplateFile => running.at(-1) ?? theme.main;
  const failure = (helper: string, options: HelperOptions | undefined, error: unknown): Error => {
    if (error instanceof ReportError) return error;
    const loc = (options as { loc?: { start: { line: number; column: number } } } | undefined)?.loc?.start;
    const where = loc ? `:${loc.line}:${loc.column + 1}` : '';
    const message = error instanceof Error ? error.message : String(error);
    return new ReportError('input', `${displayPath(current().path)}${where}: helper "${helper}" failed: ${message}`, { cause: error });
  };
  registerHelpers(hb, failure);
  hb.registerHelper('helperMissing', function (...args: unknown[]) {
    const options = args.at(-1) as HelperOptions & { name?: string };
    const loc = (options as { loc?: { start: { line: number; column: number } } }).loc?.start;
    const where = loc ? `:${loc.line}:${loc.column + 1}` : '';
    throw new ReportError(
      'input',
      `${displayPath(current().path)}${where}: unknown helper "${options.name ?? '?'}" (available: ${HELPER_NAMES.join(', ')})`,
    );
  });

  const compileFile = (file: TemplateFile): Handlebars.TemplateDelegate => {
    const compiled = hb.compile(asts.get(file)!, { strict: false, preventIndent: true });
    return (context, options) => {
      running.push(file);
      try {
        return compiled(context, options);
      } catch (error) {
        if (error instanceof ReportError) throw error;
        // Runtime exceptions carry a location only when Handlebars knew the node.
        const exception = error as { lineNumber?: number; column?: number };
        const where = typeof exception.lineNumber === 'number' ? `:${exception.lineNumber}:${(exception.column ?? 0) + 1}` : '';
        const message = error instanceof Error ? error.message.replace(/ - \d+:\d+$/, '') : String(error);
        throw new ReportError('input', `${displayPath(file.path)}${where}: ${message}`, { cause: error });
      } finally {
        running.pop();
      }
    };
  };
  for (const partial of theme.partials.values()) hb.registerPartial(partial.name, compileFile(partial));
  const main = compileFile(theme.main);
  return (context) => main(context);
}
