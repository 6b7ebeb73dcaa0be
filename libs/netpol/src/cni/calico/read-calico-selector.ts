import type { IssueSink } from '../../errors/issue-sink';
import { readString } from '../../raw/read-field';
import type { CalicoSelector } from './selector/calico-selector';
import { parseCalicoSelector } from './selector/parser';
import { CalicoSelectorError } from './selector/selector-error';

/** `all()`, what an absent top-level selector means. */
export const ALL_SELECTOR: CalicoSelector = Object.freeze({ kind: 'all' });

/**
 * Reads a selector field; a syntax error is an issue naming the field and the column.
 * See https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors
 */
export function readCalicoSelector(
  sink: IssueSink,
  raw: unknown,
  path: string,
): CalicoSelector | undefined {
  const text = readString(sink, raw, path);
  if (text === undefined) return undefined;
  try {
    return parseCalicoSelector(text);
  } catch (error) {
    if (!(error instanceof CalicoSelectorError)) throw error;
    sink.add('INVALID_SELECTOR_SYNTAX', path, `${JSON.stringify(text)}: ${error.message}`);
    return undefined;
  }
}

/** The label keys a selector reads. */
export function selectorKeysOf(selector: CalicoSelector): string[] {
  switch (selector.kind) {
    case 'all':
    case 'global':
      return [];
    case 'not':
      return selectorKeysOf(selector.operand);
    case 'and':
    case 'or':
      return selector.operands.flatMap(selectorKeysOf);
    default:
      return [selector.key];
  }
}
