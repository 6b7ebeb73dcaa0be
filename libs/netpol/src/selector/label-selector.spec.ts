import { IssueSink } from '../errors/issue-sink';
import {
  canonicalSelectorKey,
  formatSelector,
  isMatchAll,
  MATCH_ALL,
  matchesLabels,
  parseLabelSelector,
  selectorKeys,
  type Labels,
  type LabelSelector,
} from './label-selector';

const REF = { kind: 'NetworkPolicy', namespace: 'shop', name: 'np' };

function parse(raw: unknown): { selector: LabelSelector | undefined; sink: IssueSink } {
  const sink = new IssueSink(REF);
  return { selector: parseLabelSelector(sink, raw, 'spec.podSelector'), sink };
}

function parseValid(raw: unknown): LabelSelector {
  const { selector, sink } = parse(raw);
  expect(sink.issues).toEqual([]);
  if (!selector) throw new Error('expected a selector');
  return selector;
}

const expr = (key: string, operator: string, values?: string[]): unknown => ({
  matchExpressions: [values === undefined ? { key, operator } : { key, operator, values }],
});

describe('matchesLabels', () => {
  const web: Labels = { app: 'web', tier: 'front' };
  const db: Labels = { app: 'db', tier: 'back' };
  const bare: Labels = {};
  const emptyTier: Labels = { app: 'web', tier: '' };

  it.each<[string, unknown, Labels, boolean]>([
    ['{} matches labels', {}, web, true],
    ['{} matches no labels', {}, bare, true],
    ['In: value listed', expr('app', 'In', ['web', 'api']), web, true],
    ['In: value not listed', expr('app', 'In', ['api']), web, false],
    ['In: key absent', expr('app', 'In', ['web']), bare, false],
    ['In: empty value listed', expr('tier', 'In', ['']), emptyTier, true],
    ['NotIn: value listed', expr('app', 'NotIn', ['web']), web, false],
    ['NotIn: value not listed', expr('app', 'NotIn', ['web']), db, true],
    ['NotIn: key absent matches', expr('app', 'NotIn', ['web']), bare, true],
    ['Exists: key present', expr('tier', 'Exists'), web, true],
    ['Exists: key present with empty value', expr('tier', 'Exists'), emptyTier, true],
    ['Exists: key absent', expr('tier', 'Exists'), bare, false],
    ['DoesNotExist: key present', expr('tier', 'DoesNotExist'), web, false],
    ['DoesNotExist: key absent matches', expr('tier', 'DoesNotExist'), bare, true],
    ['matchLabels: equal', { matchLabels: { app: 'web' } }, web, true],
    ['matchLabels: different value', { matchLabels: { app: 'web' } }, db, false],
    ['matchLabels: key absent', { matchLabels: { app: 'web' } }, bare, false],
    ['matchLabels: all pairs required', { matchLabels: { app: 'web', tier: 'back' } }, web, false],
    [
      'matchLabels AND matchExpressions: both hold',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }],
      },
      web,
      true,
    ],
    [
      'matchLabels AND matchExpressions: only labels hold',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }],
      },
      web,
      false,
    ],
    [
      'matchLabels AND matchExpressions: only expression holds',
      { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      web,
      false,
    ],
    [
      'several expressions are ANDed',
      {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['web'] },
          { key: 'tier', operator: 'NotIn', values: ['front'] },
        ],
      },
      web,
      false,
    ],
  ])('%s', (_name, raw, labels, expected) => {
    expect(matchesLabels(parseValid(raw), labels)).toBe(expected);
  });

  it('does not treat inherited object properties as labels', () => {
    expect(matchesLabels(parseValid(expr('constructor', 'Exists')), {})).toBe(false);
    expect(matchesLabels(parseValid(expr('toString', 'DoesNotExist')), {})).toBe(true);
  });
});

describe('parseLabelSelector', () => {
  it('returns undefined without issues when the selector is unset', () => {
    for (const raw of [undefined, null]) {
      const { selector, sink } = parse(raw);
      expect(selector).toBeUndefined();
      expect(sink.issues).toEqual([]);
    }
  });

  it('turns matchLabels into In requirements with one value, before expressions', () => {
    const selector = parseValid({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev', 'test'] }],
    });
    expect(selector.requirements).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'env', operator: 'NotIn', values: ['dev', 'test'] },
    ]);
    expect(selectorKeys(selector)).toEqual(['app', 'env']);
    expect(isMatchAll(selector)).toBe(false);
  });

  it('parses {} and empty lists as match-all', () => {
    expect(isMatchAll(parseValid({}))).toBe(true);
    expect(isMatchAll(parseValid({ matchLabels: {}, matchExpressions: [] }))).toBe(true);
    expect(isMatchAll(MATCH_ALL)).toBe(true);
  });

  it.each<[string, unknown, string, string]>([
    [
      'bad matchLabels key',
      { matchLabels: { '-app': 'web' } },
      'INVALID_LABEL_KEY',
      'spec.podSelector.matchLabels',
    ],
    [
      'bad matchLabels value',
      { matchLabels: { app: 'we b' } },
      'INVALID_LABEL_VALUE',
      'spec.podSelector.matchLabels.app',
    ],
    [
      'bad expression key',
      expr('a/b/c', 'Exists'),
      'INVALID_LABEL_KEY',
      'spec.podSelector.matchExpressions[0].key',
    ],
    [
      'bad expression value',
      expr('app', 'In', ['-x']),
      'INVALID_LABEL_VALUE',
      'spec.podSelector.matchExpressions[0].values[0]',
    ],
    [
      'unknown operator',
      expr('app', 'Equals', ['x']),
      'UNKNOWN_OPERATOR',
      'spec.podSelector.matchExpressions[0].operator',
    ],
    [
      'operators are case-sensitive',
      expr('app', 'in', ['x']),
      'UNKNOWN_OPERATOR',
      'spec.podSelector.matchExpressions[0].operator',
    ],
    [
      'In without values',
      expr('app', 'In', []),
      'INVALID_SELECTOR_VALUES',
      'spec.podSelector.matchExpressions[0].values',
    ],
    [
      'NotIn without values',
      expr('app', 'NotIn'),
      'INVALID_SELECTOR_VALUES',
      'spec.podSelector.matchExpressions[0].values',
    ],
    [
      'Exists with values',
      expr('app', 'Exists', ['x']),
      'INVALID_SELECTOR_VALUES',
      'spec.podSelector.matchExpressions[0].values',
    ],
    [
      'DoesNotExist with values',
      expr('app', 'DoesNotExist', ['x']),
      'INVALID_SELECTOR_VALUES',
      'spec.podSelector.matchExpressions[0].values',
    ],
    [
      'missing key',
      { matchExpressions: [{ operator: 'Exists' }] },
      'MISSING_FIELD',
      'spec.podSelector.matchExpressions[0].key',
    ],
    [
      'missing operator',
      { matchExpressions: [{ key: 'app' }] },
      'MISSING_FIELD',
      'spec.podSelector.matchExpressions[0].operator',
    ],
    ['selector not an object', 'app=web', 'INVALID_TYPE', 'spec.podSelector'],
    [
      'non-string label value',
      { matchLabels: { app: 1 } },
      'INVALID_TYPE',
      'spec.podSelector.matchLabels.app',
    ],
  ])('reports %s', (_name, raw, code, path) => {
    const { sink } = parse(raw);
    expect(sink.issues.map((i) => [i.code, i.path])).toEqual([[code, path]]);
    expect(sink.issues[0]?.object).toEqual(REF);
  });

  it('reports every problem, not only the first', () => {
    const { sink } = parse({
      matchLabels: { 'Bad/app': 'ok' },
      matchExpressions: [
        { key: 'x', operator: 'Has' },
        { key: 'y', operator: 'In' },
      ],
    });
    expect(sink.issues.map((i) => i.code)).toEqual([
      'INVALID_LABEL_KEY',
      'UNKNOWN_OPERATOR',
      'INVALID_SELECTOR_VALUES',
    ]);
  });
});

describe('formatSelector', () => {
  it.each<[unknown, string]>([
    [{}, '{}'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [expr('tier', 'In', ['a', 'b']), 'tier in (a,b)'],
    [expr('tier', 'NotIn', ['db']), 'tier notin (db)'],
    [expr('tier', 'Exists'), 'tier'],
    [expr('tier', 'DoesNotExist'), '!tier'],
    [
      { matchLabels: { app: 'web' }, ...(expr('tier', 'NotIn', ['db']) as object) },
      'app=web,tier notin (db)',
    ],
  ])('%j → %s', (raw, expected) => {
    expect(formatSelector(parseValid(raw))).toBe(expected);
  });
});

describe('canonicalSelectorKey', () => {
  it('ignores the order of requirements and of values, and tells different selectors apart', () => {
    const a = canonicalSelectorKey([
      { key: 'app', operator: 'In', values: ['web', 'api'] },
      { key: 'tier', operator: 'Exists', values: [] },
    ]);
    const b = canonicalSelectorKey([
      { key: 'tier', operator: 'Exists', values: [] },
      { key: 'app', operator: 'In', values: ['api', 'web'] },
    ]);
    expect(a).toBe(b);
    expect(
      canonicalSelectorKey([{ key: 'app', operator: 'NotIn', values: ['web', 'api'] }]),
    ).not.toBe(canonicalSelectorKey([{ key: 'app', operator: 'In', values: ['web', 'api'] }]));
    expect(canonicalSelectorKey([])).toBe('');
  });
});
