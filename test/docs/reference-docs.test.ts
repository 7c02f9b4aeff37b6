// The committed reference docs are what src/report generates today (regenerate: npm run docs:reference).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { namesMarkdown, rulesMarkdown } from '../../src/report/docs/reference-docs';
import { buildFormat2021 } from '../../src/report/format/formats';

const FORMAT = buildFormat2021();

const doc = (name: string) => readFileSync(join(__dirname, '../../docs', name), 'utf8');

it('docs/names.md lists every defined name as the layout defines it', () =>
  expect(doc('names.md')).toBe(namesMarkdown(FORMAT)));
it('docs/rules.md lists every rule as the catalog defines it', () =>
  expect(doc('rules.md')).toBe(rulesMarkdown(FORMAT)));
