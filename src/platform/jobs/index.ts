export { jobMigrations } from './migrations.ts';
export type { Enqueued, Job, JobHandler, JobHandlers, JobSpec, JobStatus, RunningJob } from './job-types.ts';
export { PermanentJobError, RetryJobLaterError } from './job-errors.ts';
export { enqueue, enqueueIn, type JobContext } from './enqueue.ts';
export { JobRunner, startJobs, type JobOutcome, type JobRunnerOptions, type JobRunResult } from './job-runner.ts';
export {
  backoffDelayMs, defaultBackoff, defaultLeaseMs, defaultMaxAttempts, type BackoffPolicy, type FailureOutcome,
} from './jobs-rules.ts';
export {
  countJobs, getJob, listJobs, pruneFinishedJobs, retryDeadJob, type JobCounts, type JobFilter, type RetryDeadResult,
} from './dead-letters.ts';
export { runExclusively } from './run-exclusively.ts';
export { startPeriodic, type Periodic, type PeriodicOptions } from './periodic.ts';
