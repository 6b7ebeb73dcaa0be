/** The CLI's version; kept equal to the root package.json version (checked by cli.spec.ts). */
export const CLI_VERSION = '0.1.0';
