import type {
  ClusterFrameworkReport,
  ControlResult,
  ReportSubject,
} from '../src/model/report-input';

/** Evidence that exercises CSV quoting: commas, quotes, newlines, non-ASCII and non-Latin-1. */
export const trickyEvidence: Record<string, unknown>[] = [
  { namespace: 'payments', workload: 'api,v2', policy: 'allow "frontend"' },
  {
    namespace: 'café',
    note: 'line one\nline two\r\nline three',
    labels: { 'app.kubernetes.io/name': '支付' },
  },
];

const zeroTrustControls = (failing: boolean): ControlResult[] => [
  {
    id: 'ZT-1',
    title: 'Default-deny ingress coverage',
    severity: 'high',
    status: 'pass',
    score: 1,
    evidence: [],
  },
  {
    id: 'ZT-2',
    title: 'Default-deny egress coverage',
    severity: 'high',
    status: failing ? 'fail' : 'pass',
    score: failing ? 0.5 : 1,
    evidence: failing ? trickyEvidence : [],
  },
  {
    id: 'ZT-7',
    title: 'No policy selects nothing',
    severity: 'low',
    status: 'not-applicable',
    score: 1,
    evidence: [],
  },
  {
    id: 'ZT-10',
    title: 'CNI enforces NetworkPolicy',
    severity: 'critical',
    status: 'waived',
    score: 0,
    evidence: [{ cni: 'flannel', waivedBy: 'waiver-7' }],
  },
];

const manyEvidence = Array.from({ length: 30 }, (_, i) => ({
  namespace: `team-${i}`,
  workload: `svc-${i}`,
}));

export const prodZeroTrust: ClusterFrameworkReport = {
  cluster: { id: 'c-prod', name: 'prod-eu', environment: 'production' },
  snapshotId: 'snap-prod-1',
  evaluatedAt: '2025-03-01T11:58:00.250Z',
  report: {
    framework: 'zero-trust',
    version: '1.0',
    title: 'Zero-trust network segmentation',
    controls: zeroTrustControls(true),
    score: 0.5,
    summary: { pass: 1, fail: 1, notApplicable: 1, waived: 1 },
  },
};

export const prodPci: ClusterFrameworkReport = {
  cluster: { id: 'c-prod', name: 'prod-eu', environment: 'production' },
  snapshotId: 'snap-prod-1',
  evaluatedAt: '2025-03-01T11:58:00.250Z',
  report: {
    framework: 'pci-dss',
    version: '4.0.1',
    title: 'PCI DSS',
    controls: [
      {
        id: '1.3.1',
        title: 'Inbound traffic to the CDE is restricted',
        severity: 'critical',
        status: 'fail',
        score: 0,
        evidence: manyEvidence,
      },
      {
        id: '11.4.5',
        title: 'Segmentation isolates the CDE',
        severity: 'critical',
        status: 'pass',
        score: 1,
        evidence: [],
      },
    ],
    score: 0.5,
    summary: { pass: 1, fail: 1, notApplicable: 0, waived: 0 },
  },
};

export const stagingZeroTrust: ClusterFrameworkReport = {
  cluster: { id: 'c-stg', name: 'staging-us', environment: 'staging' },
  snapshotId: 'snap-stg-9',
  evaluatedAt: '2025-03-01T06:00:00-05:00',
  report: {
    framework: 'zero-trust',
    version: '1.0',
    title: 'Zero-trust network segmentation',
    controls: zeroTrustControls(false),
    score: 2 / 3,
    summary: { pass: 2, fail: 0, notApplicable: 1, waived: 1 },
  },
};

export const fixtureReports: ClusterFrameworkReport[] = [prodZeroTrust, prodPci, stagingZeroTrust];

export const fixtureSubject: ReportSubject = {
  organization: 'Acme Corp',
  scope: { kind: 'fleet', name: 'all clusters' },
  clusters: [
    {
      id: 'c-prod',
      name: 'prod-eu',
      environment: 'production',
      snapshotId: 'snap-prod-1',
      evaluatedAt: '2025-03-01T11:58:00.250Z',
    },
    {
      id: 'c-stg',
      name: 'staging-us',
      environment: 'staging',
      snapshotId: 'snap-stg-9',
      evaluatedAt: '2025-03-01T06:00:00-05:00',
    },
  ],
  generatedAt: '2025-03-01T12:00:00Z',
  asOf: '2025-03-01T11:58:00Z',
};

/** Every control id in the fixtures. */
export const fixtureControlIds = ['ZT-1', 'ZT-2', 'ZT-7', 'ZT-10', '1.3.1', '11.4.5'];
