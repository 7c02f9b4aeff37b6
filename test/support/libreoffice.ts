// LibreOffice headless, with a private profile so parallel runs do not fight over one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;

/** Converts one file, or several with one LibreOffice start. */
export function convertWithLibreOffice(file: string | readonly string[], to: string, outDir: string): void {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc');
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...(typeof file === 'string' ? [file] : file),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
