import { ReportInputError } from '../model/report-input-error';
import { prodPci, prodZeroTrust, stagingZeroTrust } from '../../test/fixtures';
import { policyReportName, toPolicyReport } from './policy-report';
import { validatePolicyReport } from './policy-report.schema';

describe('toPolicyReport', () => {
  const report = toPolicyReport(prodZeroTrust);

  it('writes a valid ClusterPolicyReport for every fixture', () => {
    for (const input of [prodZeroTrust, prodPci, stagingZeroTrust])
      expect(validatePolicyReport(toPolicyReport(input))).toEqual([]);
    expect(report).toMatchObject({
      apiVersion: 'wgpolicyk8s.io/v1alpha2',
      kind: 'ClusterPolicyReport',
      metadata: {
        name: 'fenceline-zero-trust',
        annotations: {
          'fenceline.dev/cluster-name': 'prod-eu',
          'fenceline.dev/snapshot-id': 'snap-prod-1',
        },
      },
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it.each([
    ['ZT-1', 'pass', 'high', true, {}],
    ['ZT-2', 'fail', 'high', true, {}],
    ['ZT-7', 'skip', 'low', false, { status: 'not-applicable' }],
    ['ZT-10', 'skip', 'critical', true, { status: 'waived', waived: 'true' }],
  ])('maps %s to %s / %s', (rule, result, severity, scored, properties) => {
    expect(report.results.find((r) => r.rule === rule)).toMatchObject({
      source: 'fenceline',
      policy: 'zero-trust',
      category: 'Zero-trust network segmentation',
      result,
      severity,
      scored,
      properties,
    });
  });

  it('counts results in the summary', () => {
    expect(report.summary).toEqual({ pass: 1, fail: 1, warn: 0, error: 0, skip: 2 });
  });

  it('carries score, evidence count and a readable message', () => {
    expect(report.results[1]).toMatchObject({
      message: 'Default-deny egress coverage: failed',
      properties: { score: '0.5', evidenceCount: '2', status: 'fail' },
    });
  });

  it('takes the timestamp from evaluatedAt, to the nanosecond', () => {
    expect(report.results[0]!.timestamp).toEqual({ seconds: 1740830280, nanos: 250_000_000 });
    expect(toPolicyReport(stagingZeroTrust).results[0]!.timestamp).toEqual({
      seconds: 1740826800,
      nanos: 0,
    });
  });

  it('refuses an evaluatedAt without a time zone', () => {
    expect(() => toPolicyReport({ ...prodZeroTrust, evaluatedAt: '2025-03-01T12:00:00' })).toThrow(
      ReportInputError,
    );
  });
});

describe('policyReportName', () => {
  it.each([
    ['zero-trust', 'fenceline-zero-trust'],
    ['cis-k8s-1.9', 'fenceline-cis-k8s-1.9'],
    ['PCI DSS', /^fenceline-pci-dss-[0-9a-f]{8}$/],
    ['a_b-.c', /^fenceline-a-b\.c-[0-9a-f]{8}$/],
    ['', /^fenceline-[0-9a-f]{8}$/],
    ['x'.repeat(300), /^fenceline-x{234}-[0-9a-f]{8}$/],
  ])('%s → %s', (framework, expected) => {
    const name = policyReportName(framework);
    if (typeof expected === 'string') expect(name).toBe(expected);
    else expect(name).toMatch(expected);
    expect(name.length).toBeLessThanOrEqual(253);
    expect(
      validatePolicyReport({
        apiVersion: 'wgpolicyk8s.io/v1alpha2',
        kind: 'ClusterPolicyReport',
        metadata: { name },
      }),
    ).toEqual([]);
  });

  it('keeps altered ids apart', () => {
    expect(policyReportName('PCI DSS')).not.toBe(policyReportName('pci dss'));
  });
});
