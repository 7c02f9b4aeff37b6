// The audit worker: a child process that audits the files its parent sends, one at a time, and answers with each
// row. The parent (worker-pool.ts) holds it to a time and memory budget per file and replaces it when it fails;
// it exits with its parent. Bundled as dist/cli/audit-worker.cjs (scripts/build-cli.mjs).
import { auditFile } from './audit-row';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

function reply(message: WorkerReply): void {
  process.send?.(message);
}

if (process.send) {
  process.on('message', (m: WorkerRequest) => {
    void auditFile(m.path).then((row) => reply({ id: m.id, row }));
  });
  process.on('disconnect', () => process.exit(0));
  reply({ ready: true });
}
