// npm run validate:manifest [-- path/to/manifest.xml] — Microsoft's own validation of the Excel add-in manifest
// (office-addin-manifest's validateManifest, which sends the manifest to validationgateway.omex.office.net). Where the
// network does not reach it (intranets, this build machine) it says so and exits 2; the offline check is the
// XSD test (test/excel/manifest.test.ts). Exit 0 valid, 1 rejected, 2 offline.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { OfficeAddinManifest, validateManifest } = require('office-addin-manifest');
const { describeValidation } = require('./manifest-validation.cjs');

const file = path.resolve(root, process.argv[2] ?? 'manifest.xml');
const info = await OfficeAddinManifest.readManifestFile(file);
console.log(`清单：${path.relative(root, file)}（${info.displayName}，版本 ${info.version}，${info.officeAppType}）`);
let outcome;
try {
  outcome = await validateManifest(file);
} catch (error) {
  outcome = error instanceof Error ? error : new Error(String(error));
}
const { code, lines } = describeValidation(outcome);
for (const line of lines) (code === 0 ? console.log : console.error)(line);
process.exit(code);
