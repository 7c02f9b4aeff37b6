// One policy for the Debian tools some tests drive (README: the packages a machine needs): a missing tool fails the
// test that needs it, naming the apt-get command that installs it. Never a silent skip or an early return.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemTool {
  /** The command, or an absolute path to the executable. */
  readonly command: string;
  /** The Debian package that provides it. */
  readonly aptPackage: string;
  /** What the tests use it for, for the message. */
  readonly usedFor: string;
}

export const TOOLS = {
  chromium: { command: '/usr/bin/chromium', aptPackage: 'chromium', usedFor: 'pages in a real browser' },
  soffice: {
    command: 'soffice',
    aptPackage: 'libreoffice-calc libreoffice-writer',
    usedFor: 'opening .xlsx/.docx in LibreOffice',
  },
  pdftoppm: { command: 'pdftoppm', aptPackage: 'poppler-utils', usedFor: 'rendering PDF pages' },
  pdftotext: { command: 'pdftotext', aptPackage: 'poppler-utils', usedFor: 'reading text from PDF pages' },
  pdfinfo: { command: 'pdfinfo', aptPackage: 'poppler-utils', usedFor: 'counting and sizing PDF pages' },
  xmllint: { command: 'xmllint', aptPackage: 'libxml2-utils', usedFor: 'checking XML against schemas' },
} as const satisfies Record<string, SystemTool>;

/** The tool's path, or null when this machine lacks it. */
export function findTool(tool: SystemTool): string | null {
  if (tool.command.startsWith('/')) return existsSync(tool.command) ? tool.command : null;
  const r = spawnSync('sh', ['-c', `command -v ${tool.command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || tool.command : null;
}

export function missingToolMessage(tool: SystemTool): string {
  return (
    `${tool.command} is not installed; these tests need it for ${tool.usedFor}. ` +
    `Install it with: sudo apt-get install -y ${tool.aptPackage}`
  );
}

/** The tool's path; throws (failing the test) with the install command when it is missing. */
export function requireTool(tool: SystemTool): string {
  const found = findTool(tool);
  if (!found) throw new Error(missingToolMessage(tool));
  return found;
}
