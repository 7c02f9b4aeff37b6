// Writes docs/names.md and docs/rules.md from src/report. Run: node scripts/run-ts.mjs scripts/gen-docs.ts
import { writeFileSync } from 'node:fs';
import { namesMarkdown, rulesMarkdown } from '../src/report/docs/reference-docs';
import { buildFormat2021 } from '../src/report/format/formats';

const format = buildFormat2021();
writeFileSync('docs/names.md', namesMarkdown(format));
writeFileSync('docs/rules.md', rulesMarkdown(format));
console.log('docs/names.md, docs/rules.md');
