/**
 * Node.js flags the agent is meant to run with, the way its image, `bin/fenceline-agent` and
 * the footprint benchmark start it (a test keeps the three in step): a 2 MB semi-space keeps the
 * young generation from holding ~30 MB of short-lived list pages.
 */
export const AGENT_NODE_FLAGS = ['--max-semi-space-size=2'] as const;
