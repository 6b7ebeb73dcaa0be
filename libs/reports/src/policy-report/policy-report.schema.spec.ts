import { prodZeroTrust } from '../../test/fixtures';
import { toPolicyReport } from './policy-report';
import { validatePolicyReport } from './policy-report.schema';

const valid = (): Record<string, unknown> =>
  JSON.parse(JSON.stringify(toPolicyReport(prodZeroTrust)));

type Mutation = (
  r: Record<string, unknown> & {
    results: Record<string, unknown>[];
    metadata: Record<string, unknown>;
    summary: Record<string, unknown>;
  },
) => void;

describe('validatePolicyReport', () => {
  it('accepts a minimal report and a namespaced PolicyReport', () => {
    expect(
      validatePolicyReport({
        apiVersion: 'wgpolicyk8s.io/v1alpha2',
        kind: 'ClusterPolicyReport',
        metadata: { name: 'a' },
      }),
    ).toEqual([]);
    expect(
      validatePolicyReport({
        apiVersion: 'wgpolicyk8s.io/v1alpha2',
        kind: 'PolicyReport',
        metadata: { name: 'a', namespace: 'ns' },
        scope: { kind: 'Namespace', name: 'ns' },
        results: [
          {
            policy: 'p',
            resources: [{ kind: 'Pod', name: 'x', namespace: 'ns' }],
            resourceSelector: { matchLabels: { a: 'b' } },
          },
        ],
      }),
    ).toEqual([]);
  });

  it.each<[string, Mutation, RegExp]>([
    [
      'a wrong apiVersion',
      (r) => {
        r.apiVersion = 'wgpolicyk8s.io/v1beta1';
      },
      /^apiVersion: /,
    ],
    [
      'a wrong kind',
      (r) => {
        r.kind = 'Report';
      },
      /^kind: /,
    ],
    [
      'a missing name',
      (r) => {
        delete r.metadata.name;
      },
      /^metadata\.name: /,
    ],
    [
      'a name that is not DNS-1123',
      (r) => {
        r.metadata.name = 'Fenceline_ZT';
      },
      /^metadata\.name: must be a DNS-1123 subdomain/,
    ],
    [
      'a namespace on a cluster report',
      (r) => {
        r.metadata.namespace = 'x';
      },
      /^metadata\.namespace: /,
    ],
    [
      'a namespaced report without namespace',
      (r) => {
        r.kind = 'PolicyReport';
      },
      /^metadata\.namespace: /,
    ],
    [
      'a result without policy',
      (r) => {
        delete r.results[0]!.policy;
      },
      /^results\.0\.policy: /,
    ],
    [
      'an unknown result',
      (r) => {
        r.results[0]!.result = 'waived';
      },
      /^results\.0\.result: /,
    ],
    [
      'an unknown severity',
      (r) => {
        r.results[0]!.severity = 'moderate';
      },
      /^results\.0\.severity: /,
    ],
    [
      'nanos out of range',
      (r) => {
        r.results[0]!.timestamp = { seconds: 1, nanos: 1e9 };
      },
      /^results\.0\.timestamp\.nanos: /,
    ],
    [
      'a fractional seconds',
      (r) => {
        r.results[0]!.timestamp = { seconds: 1.5, nanos: 0 };
      },
      /^results\.0\.timestamp\.seconds: /,
    ],
    [
      'a non-string property',
      (r) => {
        r.results[0]!.properties = { score: 1 };
      },
      /^results\.0\.properties\.score: /,
    ],
    [
      'an unknown result field',
      (r) => {
        r.results[0]!.description = 'old name of message';
      },
      /^results\.0: .*description/,
    ],
    [
      'a negative summary count',
      (r) => {
        r.summary.pass = -1;
      },
      /^summary\.pass: /,
    ],
    [
      'a summary that disagrees with results',
      (r) => {
        r.summary.fail = 3;
      },
      /^summary\.fail: is 3 but 1 results are fail$/,
    ],
  ])('rejects %s', (_, mutate, expected) => {
    const report = valid() as Parameters<Mutation>[0];
    mutate(report);
    const problems = validatePolicyReport(report);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it('rejects what is not an object', () => {
    expect(validatePolicyReport(null)).toEqual([expect.stringMatching(/^\(root\): /)]);
  });
});
