// Runs `nianbao` in-process and captures what it prints, as a terminal would show it.
import { main } from '../../src/cli/nianbao';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), interactive: false });
  return { code, out, err };
}
