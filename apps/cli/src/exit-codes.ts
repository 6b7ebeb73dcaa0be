/** Process exit codes of `fenceline`, documented in `--help`. */
export const EXIT_OK = 0;
/** The analysis found something: a non-empty diff, or a denied connection in `explain`. */
export const EXIT_FINDINGS = 1;
/** The input could not be analysed as given: an invalid object, a bad flag, an unknown peer, a missing path. */
export const EXIT_INVALID_INPUT = 2;
/** `admin` commands: the database is unreachable or not migrated; `baseline push`: the API refused the key (401/403). */
export const EXIT_ENVIRONMENT = 3;

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  findings: diff found differences; explain found the connection (or every connection) denied;
     drift found drift; report found a failing control; baseline push: the API failed
  2  invalid input: an invalid manifest or snapshot (results for the valid objects are still
     printed), a bad flag, an unknown peer or a missing path
  3  admin commands: the database is unreachable or not migrated; baseline push: the API key
     was refused (401/403)
  70 internal error (a bug in fenceline)`;
