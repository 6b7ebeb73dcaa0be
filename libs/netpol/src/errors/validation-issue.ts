import { formatObjectRef, type ObjectRef } from './object-ref';

/**
 * Every reason the loader or validator can reject input. Codes are stable: the CLI, the API and
 * the agent print them, and users grep for them.
 */
export const ISSUE_CODES = [
  'PARSE_ERROR',
  'INVALID_TYPE',
  'MISSING_FIELD',
  'INVALID_NAME',
  'DUPLICATE_NAME',
  'INVALID_LABEL_KEY',
  'INVALID_LABEL_VALUE',
  'UNKNOWN_OPERATOR',
  'INVALID_SELECTOR_VALUES',
  'INVALID_CIDR',
  'EXCEPT_OUTSIDE_CIDR',
  'INVALID_IP',
  'INVALID_PROTOCOL',
  'PORT_OUT_OF_RANGE',
  'INVALID_PORT_NAME',
  'END_PORT_WITH_NAMED_PORT',
  'END_PORT_BELOW_PORT',
  'END_PORT_WITHOUT_PORT',
  'PEER_WITHOUT_SELECTOR',
  'PEER_IPBLOCK_WITH_SELECTOR',
  'INVALID_POLICY_TYPE',
  'DUPLICATE_PORT_NAME',
  'INVALID_SNAPSHOT',
  'INVALID_TIER',
  'INVALID_PRIORITY',
  'INVALID_ACTION',
  'INVALID_SUBJECT',
  'TOO_MANY_ITEMS',
  'RULE_WITHOUT_PEERS',
  'INVALID_PEER',
  'INVALID_PORT_RANGE',
  'INVALID_DOMAIN_NAME',
  'NAMED_PORT_WITHOUT_PODS',
  'INVALID_SELECTOR_SYNTAX',
  'INVALID_ORDER',
  'INVALID_FIELD_COMBINATION',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem found in the input: a code, the object it belongs to and the field path inside
 * that object (`spec.ingress[0].from[1].ipBlock.cidr`).
 */
export interface ValidationIssue {
  readonly code: IssueCode;
  readonly object: ObjectRef;
  readonly path: string;
  readonly message: string;
}

/** Renders an issue on one line: `Kind ns/name: path: message [CODE]`. */
export function formatIssue(issue: ValidationIssue): string {
  if (issue.object.kind === 'File') {
    return `File ${issue.object.source ?? issue.object.name}: ${issue.message} [${issue.code}]`;
  }
  const where = issue.object.source ? ` (${issue.object.source})` : '';
  const path = issue.path ? `${issue.path}: ` : '';
  return `${formatObjectRef(issue.object)}${where}: ${path}${issue.message} [${issue.code}]`;
}

/**
 * Thrown when input cannot be analysed at all; carries every issue found, not only the first.
 * "Denied" is a verdict, never this error.
 */
export class InvalidInputError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${formatIssue(first)}${more}` : 'invalid input');
    this.name = 'InvalidInputError';
    this.issues = issues;
  }
}
