#!/usr/bin/env node
// The `report` command. The TypeScript sources are compiled into dist/ by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('report: the program is not built yet: run `npm run build` (or `npm run setup`) in the project folder');
  process.exit(1);
}
await import(main.href);
