// Types for electron/audit.mjs (plain Node ESM, run by tests/run.mjs without a TypeScript step).

export interface AuditIssue {
  readonly id: string;
  /** Relative to the audited folder: main/window.ts, preload/index.ts, index.html. */
  readonly file: string;
  readonly line: number;
  readonly sample: string;
  readonly severity: string;
  readonly confidence: string;
  readonly description: string;
  readonly manualReview: boolean;
}
export interface AcceptedFinding {
  readonly check: string;
  readonly file: string;
  /** A substring of the finding's sample; any sample when absent. */
  readonly sample?: string;
  readonly reason: string;
}
export declare function triage(issues: readonly AuditIssue[], accepted: readonly AcceptedFinding[]): { open: AuditIssue[]; stale: AcceptedFinding[] };
export declare function parseAccepted(text: string): AcceptedFinding[];
export declare function stageInput(dir: string): void;
export declare function audit(input?: string | null): Promise<{ electron: string; checks: number; issues: AuditIssue[]; errors: { file: string; message: string }[] }>;
