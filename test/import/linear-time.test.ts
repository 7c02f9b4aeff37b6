// Every importer stage stays linear on hostile inputs: the CPU time per KB at 256 KB is within a generous factor of
// the CPU time per KB at 16 KB (a quadratic stage would be about 16 times slower per KB). CPU time, not wall-clock
// time, so that other processes on a loaded machine do not stretch one measurement and not the other. Absolute times go to
// `npm run bench` (bench/import.ts), which runs up to the size cap.
import { importReport } from '../../src/report/import';
import { HEAVY_INPUTS } from './heavy-inputs';

/** Milliseconds of this process's CPU (user + system): unlike the wall clock, not stretched by other processes. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function msPerKB(make: (n: number) => string, kind: 'html' | 'text', bytes: number): number {
  const input = make(bytes);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = cpuMs();
    importReport(input, { kind });
    best = Math.min(best, cpuMs() - t);
  }
  return best / (input.length / 1024);
}

describe.each(Object.entries(HEAVY_INPUTS))('%s', (_name, { kind, make }) => {
  it('costs about the same per KB at 16 KB and at 256 KB', () => {
    // Warm up the JIT on both sizes first, then the best of three runs each.
    msPerKB(make, kind, 256 * 1024);
    const small = msPerKB(make, kind, 16 * 1024);
    const large = msPerKB(make, kind, 256 * 1024);
    // Generous: 5× for noise on a shared 2-core machine; a quadratic stage would be ~16×.
    expect(large).toBeLessThan(Math.max(small, 0.01) * 5);
  });
});
