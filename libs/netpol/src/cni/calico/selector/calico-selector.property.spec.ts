import fc from 'fast-check';
import { matchesLabels, type Labels } from '../../../selector/label-selector';
import { canonicalSet, type CalicoSelector, type CalicoValueOperator } from './calico-selector';
import { matchesCalicoSelector } from './evaluate';
import { parseCalicoSelector } from './parser';
import { printCalicoSelector } from './print';
import { CalicoSelectorError } from './selector-error';
import { calicoSelectorKeys } from './selector-keys';
import { calicoToLabelSelector } from './to-label-selector';

// ---- Trees, for the round trip -------------------------------------------------------------

const KEYWORDS = [
  'in',
  'not',
  'notin',
  'has',
  'all',
  'global',
  'contains',
  'starts',
  'with',
  'ends',
];
const keyArb = fc.oneof(
  fc.constantFrom('a', 'b', 'app.kubernetes.io/name', '-', '.', '/x/', ...KEYWORDS),
  fc.stringMatching(/^[A-Za-z0-9_./-]{1,12}$/),
);
// Any text with no escapes: whatever holds at most one of the two quote characters.
const valueArb = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("'", '"', ' ', '\t', '\n', '{', '}', ',', '(', ')', '!', '&', '|', '=', 'x'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    ),
    maxLength: 8,
  })
  .filter((v) => !(v.includes("'") && v.includes('"')));
const VALUE_OPERATORS: readonly CalicoValueOperator[] = [
  'eq',
  'ne',
  'contains',
  'startsWith',
  'endsWith',
];

const { tree: treeArb } = fc.letrec<{ tree: CalicoSelector }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'tree' },
    fc.constantFrom<CalicoSelector>({ kind: 'all' }, { kind: 'global' }),
    keyArb.map((key): CalicoSelector => ({ kind: 'has', key })),
    fc
      .record({ kind: fc.constantFrom(...VALUE_OPERATORS), key: keyArb, value: valueArb })
      .map((s): CalicoSelector => s),
    fc
      .record({
        kind: fc.constantFrom('in' as const, 'notIn' as const),
        key: keyArb,
        values: fc.array(valueArb, { maxLength: 4 }),
      })
      .map((s): CalicoSelector => ({ ...s, values: canonicalSet(s.values) })),
    tie('tree').map((operand): CalicoSelector => ({ kind: 'not', operand })),
    fc
      .record({
        kind: fc.constantFrom('and' as const, 'or' as const),
        operands: fc.array(tie('tree'), { minLength: 2, maxLength: 4 }),
      })
      .map((s): CalicoSelector => ({
        kind: s.kind,
        operands: s.operands as [CalicoSelector, CalicoSelector],
      })),
  ),
}));

// ---- Selector texts with an independent meaning, for the evaluator --------------------------
// Each generated expression carries its text and its meaning, the latter written from the
// documentation's table (https://docs.tigera.io/calico/latest/reference/resources/networkpolicy#selectors),
// and its precedence level (3 match, 2 "!", 1 "&&", 0 "||") so that the text relies on the
// documented precedence: parentheses only where it demands them (and sometimes for no reason).

interface Expr {
  readonly text: string;
  readonly level: number;
  readonly holds: (labels: Labels) => boolean;
}

const KEYS = ['a', 'b', 'c'] as const;
const VALUES = ['', 'x', 'y', 'xy', 'yx', "q'"] as const;
const get = (labels: Labels, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;

const blank = fc.constantFrom('', ' ', '  ', '\t');
const spaced = fc.constantFrom(' ', '  ', '\t', ' \t');
const quoted = (value: string, single: boolean): string =>
  value.includes("'") || !single ? `"${value}"` : `'${value}'`;
const exprKey = fc.constantFrom(...KEYS, 'd');
const exprValue = fc.constantFrom(...VALUES);

const matchExpr: fc.Arbitrary<Expr> = fc.oneof(
  fc
    .record({ k: exprKey, v: exprValue, q: fc.boolean(), s1: blank, s2: blank, ne: fc.boolean() })
    .map(({ k, v, q, s1, s2, ne }): Expr => ({
      text: `${k}${s1}${ne ? '!=' : '=='}${s2}${quoted(v, q)}`,
      level: 3,
      // "Matches resources with the label 'k' and value 'v'" / "without label 'k' or with label
      // 'k' and value not equal to v"
      holds: (l) => (ne ? get(l, k) === undefined || get(l, k) !== v : get(l, k) === v),
    })),
  fc
    .record({
      k: exprKey,
      op: fc.constantFrom('contains', 'starts with', 'ends with', 'startswith'),
      v: exprValue,
      q: fc.boolean(),
      s1: spaced,
      s2: blank,
    })
    .map(({ k, op, v, q, s1, s2 }): Expr => ({
      text: `${k}${s1}${op}${s2}${quoted(v, q)}`,
      level: 3,
      holds: (l) => {
        const actual = get(l, k);
        if (actual === undefined) return false;
        if (op === 'contains') return actual.indexOf(v) >= 0;
        return op === 'ends with'
          ? actual.slice(actual.length - v.length) === v
          : actual.slice(0, v.length) === v;
      },
    })),
  fc
    .record({
      k: exprKey,
      not: fc.boolean(),
      vs: fc.subarray([...VALUES]),
      q: fc.boolean(),
      s: blank,
      trailing: fc.boolean(),
    })
    .map(({ k, not, vs, q, s, trailing }): Expr => ({
      text: `${k} ${not ? 'not in' : 'in'}${s}{${s}${vs.map((v) => quoted(v, q)).join(`${s},${s}`)}${trailing && vs.length > 0 ? ',' : ''}${s}}`,
      level: 3,
      // "with label 'k' and value in the given set" / "without label 'k' or ... not in the given set"
      holds: (l) => {
        const actual = get(l, k);
        const member = actual !== undefined && vs.some((v) => v === actual);
        return not ? !member : member;
      },
    })),
  fc.record({ k: exprKey, s: blank }).map(({ k, s }): Expr => ({
    text: `has(${s}${k}${s})`,
    level: 3,
    holds: (l) => get(l, k) !== undefined, // "independent of value"
  })),
  fc.constantFrom<Expr>(
    { text: 'all()', level: 3, holds: () => true },
    { text: 'all( )', level: 3, holds: () => true },
  ),
);

const paren = (e: Expr): Expr => ({ ...e, text: `(${e.text})`, level: 3 });
const atLeast = (e: Expr, level: number, extra: boolean): string =>
  e.level < level || extra ? `(${e.text})` : e.text;

const { expr: exprArb } = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'expr' },
    matchExpr,
    tie('expr').map(paren),
    fc.record({ e: tie('expr'), extra: fc.boolean(), s: blank }).map(({ e, extra, s }): Expr => ({
      text: `!${s}${atLeast(e, 2, extra)}`,
      level: 2,
      holds: (l) => !e.holds(l),
    })),
    fc
      .record({
        es: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
        extra: fc.boolean(),
        s: blank,
      })
      .map(({ es, extra, s }): Expr => ({
        text: es.map((e) => atLeast(e, 2, extra)).join(`${s}&&${s}`),
        level: 1,
        holds: (l) => es.every((e) => e.holds(l)),
      })),
    fc
      .record({
        es: fc.array(tie('expr'), { minLength: 2, maxLength: 3 }),
        extra: fc.boolean(),
        s: blank,
      })
      .map(({ es, extra, s }): Expr => ({
        text: es.map((e) => atLeast(e, 1, extra)).join(`${s}||${s}`),
        level: 0,
        holds: (l) => es.some((e) => e.holds(l)),
      })),
  ),
}));

/** Every label set over keys a, b, c with values from VALUES or absent: 7^3 = 343 sets. */
const UNIVERSE: readonly Labels[] = (() => {
  let sets: Record<string, string>[] = [{}];
  for (const key of KEYS) {
    sets = sets.flatMap((s) => [s, ...VALUES.map((v) => ({ ...s, [key]: v }))]);
  }
  return sets;
})();

const labelsArb: fc.Arbitrary<Labels> = fc.dictionary(
  fc.oneof(keyArb, fc.constantFrom('a', 'b')),
  fc.oneof(fc.constantFrom(...VALUES), valueArb),
  { maxKeys: 5 },
);

// ---- Properties ------------------------------------------------------------------------------

describe('Calico selector properties', () => {
  it('print then parse gives the same tree, and printing is stable', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const text = printCalicoSelector(tree);
        expect(parseCalicoSelector(text)).toEqual(tree);
        expect(printCalicoSelector(parseCalicoSelector(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('the evaluator agrees with the documented meaning on every label set of a small universe', () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const selector = parseCalicoSelector(expr.text);
        for (const labels of UNIVERSE) {
          if (matchesCalicoSelector(selector, labels) !== expr.holds(labels)) {
            throw new Error(`${expr.text} on ${JSON.stringify(labels)}`);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the canonical text means what the original text means', () => {
    fc.assert(
      fc.property(exprArb, (expr) => {
        const reparsed = parseCalicoSelector(printCalicoSelector(parseCalicoSelector(expr.text)));
        return UNIVERSE.every(
          (labels) => matchesCalicoSelector(reparsed, labels) === expr.holds(labels),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('labels outside calicoSelectorKeys never change the outcome', () => {
    fc.assert(
      fc.property(treeArb, labelsArb, labelsArb, (tree, labels, noise) => {
        const keys = new Set(calicoSelectorKeys(tree));
        const noisy = Object.fromEntries([
          ...Object.entries(labels),
          ...Object.entries(noise).filter(([k]) => !keys.has(k)),
        ]);
        expect(matchesCalicoSelector(tree, noisy)).toBe(matchesCalicoSelector(tree, labels));
      }),
      { numRuns: 500 },
    );
  });

  it('calicoToLabelSelector, where it answers, selects exactly what the selector selects', () => {
    let converted = 0;
    fc.assert(
      fc.property(exprArb, (expr) => {
        const selector = parseCalicoSelector(expr.text);
        const labelSelector = calicoToLabelSelector(selector);
        if (!labelSelector) return true;
        converted += 1;
        return UNIVERSE.every(
          (l) => matchesLabels(labelSelector, l) === matchesCalicoSelector(selector, l),
        );
      }),
      { numRuns: 600 },
    );
    // The property must have had something to check.
    expect(converted).toBeGreaterThan(50);
  });

  const TOKENS = [
    'a',
    'b',
    'has(a)',
    'all()',
    'global()',
    '==',
    '!=',
    '!',
    '&&',
    '||',
    '(',
    ')',
    '{',
    '}',
    ',',
    "'x'",
    '"y"',
    'in',
    'not in',
    'contains',
    'starts with',
    'ends with',
    ' ',
    '\t',
    '=',
  ];

  it.each([
    [
      'token soup',
      fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }).map((ts) => ts.join(' ')),
    ],
    [
      'grammar characters',
      fc.string({ unit: fc.constantFrom(...'ab (){},!=&|\'" \tinotas'.split('')), maxLength: 24 }),
    ],
    ['any text', fc.string({ unit: 'binary', maxLength: 24 })],
  ])(
    'on %s, parses or throws a CalicoSelectorError inside the text, nothing else',
    (_, textArb) => {
      fc.assert(
        fc.property(textArb, (text) => {
          let selector: CalicoSelector;
          try {
            selector = parseCalicoSelector(text);
          } catch (error) {
            if (!(error instanceof CalicoSelectorError)) throw error;
            expect(error.column).toBeGreaterThanOrEqual(1);
            expect(error.column).toBeLessThanOrEqual([...text].length + 1);
            return;
          }
          expect(parseCalicoSelector(printCalicoSelector(selector))).toEqual(selector);
        }),
        { numRuns: 1500 },
      );
    },
  );
});
