import type { ReadinessCheck } from '@fenceline/data-access';
import type { JobObserver } from '../jobs/job-observer';

/**
 * The worker's own readiness check: every processor's BullMQ worker is running — not before
 * bootstrap attached to them, not once shutdown has begun.
 */
export function processorsCheck(jobs: JobObserver): ReadinessCheck {
  return {
    key: 'processors',
    problem: 'processors not running',
    run: (indicators) => {
      const session = indicators.check('processors');
      const workers = jobs.workers;
      if (!workers || workers.length === 0) return session.down({ message: 'not started' });
      const stopped = workers.filter((w) => !w.isRunning() || w.closing !== undefined);
      return stopped.length === 0
        ? session.up({ queues: workers.map((w) => w.name) })
        : session.down({ message: `not running: ${stopped.map((w) => w.name).join(', ')}` });
    },
  };
}
