/** The agent's version, sent with every snapshot; kept equal to the root package.json version (checked by a test). */
export const AGENT_VERSION = '0.1.0';
