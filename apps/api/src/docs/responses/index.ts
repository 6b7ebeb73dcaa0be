import type { ResponseDoc } from './common';
import { clusterResponses } from './clusters';
import { complianceResponses } from './compliance';
import { governanceResponses } from './governance';
import { platformResponses } from './platform';

export type { ResponseDoc } from './common';

/**
 * The 2xx answer of every REST operation, by Swagger's operation id (`<Controller>_<method>`).
 * docs.int-spec fails when an operation has none, so a new route cannot go undocumented.
 */
export const RESPONSES: Readonly<Record<string, ResponseDoc>> = {
  ...clusterResponses,
  ...governanceResponses,
  ...complianceResponses,
  ...platformResponses,
};
