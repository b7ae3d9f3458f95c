/**
 * The long exports of one Backend that a caller may stop (forum-export with a jobId, export-cancel).
 * Each Backend owns its own: a cancel through one Backend never reaches another's job, also when
 * both run in one process (tests, the preview beside the CLI) with the same job id.
 */
export class ExportJobs {
  private readonly running = new Set<string>();
  private readonly cancelled = new Set<string>();

  /** Registers a running job (until `finish`). */
  start(jobId: string): void {
    this.running.add(jobId);
  }

  /** Forgets a job that ended (done, failed or cancelled). */
  finish(jobId: string): void {
    this.running.delete(jobId);
    this.cancelled.delete(jobId);
  }

  /** Marks a running job to stop at its next step; false when no such job is running. */
  cancel(jobId: string): { cancelled: boolean } {
    if (!this.running.has(jobId)) return { cancelled: false };
    this.cancelled.add(jobId);
    return { cancelled: true };
  }

  isCancelled(jobId: string): boolean {
    return this.cancelled.has(jobId);
  }
}
