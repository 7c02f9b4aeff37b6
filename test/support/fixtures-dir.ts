// test/fixtures, from a test (beside its source) or from a script bundled elsewhere (npm run accuracy, bench), which
// runs from the repository's root.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const beside = join(__dirname, '..', 'fixtures');
export const FIXTURES_DIR = existsSync(join(beside, 'samples')) ? beside : join(process.cwd(), 'test', 'fixtures');
