// LibreOffice headless, with a private profile so parallel runs do not fight over one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS, missingToolMessage } from './system-tools';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p)) ?? null;

/** Fails (test/support/system-tools.ts policy) when LibreOffice is missing. */
export function requireSoffice(): string {
  if (!SOFFICE) throw new Error(missingToolMessage(TOOLS.soffice));
  return SOFFICE;
}

/** Converts one file, or several with one LibreOffice start (a large batch passes a longer timeout). */
export function convertWithLibreOffice(
  file: string | readonly string[],
  to: string,
  outDir: string,
  timeoutMs = 120_000,
): void {
  const soffice = requireSoffice();
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...(typeof file === 'string' ? [file] : file),
      ],
      { stdio: 'pipe', timeout: timeoutMs },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
