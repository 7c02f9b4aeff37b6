// Writes docs/names.md and docs/rules.md from src/report. Run: node scripts/run-ts.mjs scripts/gen-docs.ts
import { writeFileSync } from 'node:fs';
import { namesMarkdown, rulesMarkdown } from '../src/report/docs/reference-docs';

writeFileSync('docs/names.md', namesMarkdown());
writeFileSync('docs/rules.md', rulesMarkdown());
console.log('docs/names.md, docs/rules.md');
