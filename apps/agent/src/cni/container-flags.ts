// Go flag syntax as parsed by pflag and the standard `flag` package: `--name=value`, or
// `--name value` for non-boolean flags; a bare boolean flag means true and `--name false` does
// NOT set it to false (the `false` is a positional argument). One leading dash is accepted too.

/**
 * The value of a string flag in an argv, the last occurrence winning. Shell-wrapped commands
 * (`sh -c "exec kube-router --run-firewall=false"`) are split on whitespace first.
 *
 * @example stringFlag(['cilium-agent', '--enable-policy', 'never'], 'enable-policy') // 'never'
 */
export function stringFlag(args: readonly string[], name: string): string | undefined {
  const tokens = tokensOf(args);
  let value: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const body = flagBody(tokens[i] ?? '');
    if (body === name) {
      const next = tokens[i + 1];
      if (next !== undefined && !next.startsWith('-')) value = unquote(next);
    } else if (body?.startsWith(`${name}=`)) {
      value = unquote(body.slice(name.length + 1));
    }
  }
  return value;
}

/**
 * The value of a boolean flag in an argv (Go `strconv.ParseBool` spellings), the last
 * occurrence winning; undefined when absent or unparsable.
 *
 * @example boolFlag(['--run-router=true', '--run-firewall=false'], 'run-firewall') // false
 */
export function boolFlag(args: readonly string[], name: string): boolean | undefined {
  let value: boolean | undefined;
  for (const token of tokensOf(args)) {
    const body = flagBody(token);
    if (body === name) value = true;
    else if (body?.startsWith(`${name}=`))
      value = parseGoBool(unquote(body.slice(name.length + 1)));
  }
  return value;
}

/** Go's `strconv.ParseBool`. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

function tokensOf(args: readonly string[]): string[] {
  return args.flatMap((arg) => arg.split(/\s+/)).filter((token) => token !== '');
}

function flagBody(token: string): string | undefined {
  if (token === '-' || token === '--') return undefined;
  if (token.startsWith('--')) return token.slice(2);
  if (token.startsWith('-')) return token.slice(1);
  return undefined;
}

function unquote(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}
