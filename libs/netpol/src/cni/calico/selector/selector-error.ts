/**
 * Thrown by `parseCalicoSelector` when the text is not a Calico selector: where (1-based column,
 * counted in characters), what the grammar expected there and what it found instead. Calico
 * rejects the same texts (its API server validates every selector field with its parser).
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 *
 * @example parseCalicoSelector("app == web") // throws: column 8: expected a quoted string, found label 'web'
 */
export class CalicoSelectorError extends Error {
  readonly code = 'CALICO_SELECTOR_SYNTAX' as const;

  constructor(
    /** The selector text as given. */
    readonly selector: string,
    /** 1-based column of the offending character; one past the end for a premature end. */
    readonly column: number,
    /** What would have been valid here, in words: `a quoted string`, `'&&', '||' or ')'`. */
    readonly expected: string,
    /** What was there: `label 'web'`, `'%'`, `the end of the selector`. */
    readonly found: string,
  ) {
    super(`column ${column}: expected ${expected}, found ${found}`);
    this.name = 'CalicoSelectorError';
  }
}
