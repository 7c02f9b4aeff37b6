// The messages between the audit and its workers (JSON over the child process channel).
import type { AuditRow } from './audit-row';

export interface WorkerRequest {
  readonly id: number;
  readonly path: string;
}

export type WorkerReply = { readonly ready: true } | { readonly id: number; readonly row: AuditRow };
