import { createHash } from 'node:crypto';
import { canonicalJson } from '@fenceline/contracts';
import type { ClusterFrameworkReport, ControlResult, ReportSubject } from '../model/report-input';
import { formatUtc, parseTimestamp } from '../model/timestamp';
import { FENCELINE_OSCAL_NAMESPACE, uuidV5 } from './deterministic-uuid';
import type {
  OscalAssessmentResults,
  OscalFinding,
  OscalObservation,
  OscalProperty,
  OscalResult,
} from './oscal-model';

/** Name space of Fenceline's OSCAL `props`. */
export const FENCELINE_OSCAL_PROPS_NS = 'https://fenceline.dev/ns/oscal';

/** Control status → OSCAL finding status. Waived is conservative: not satisfied, reason other. */
export const OSCAL_STATUS_BY_CONTROL_STATUS = {
  pass: { state: 'satisfied', reason: 'pass' },
  fail: { state: 'not-satisfied', reason: 'fail' },
  'not-applicable': {
    state: 'satisfied',
    reason: 'other',
    remarks: 'Not applicable: the control had nothing to evaluate.',
  },
  waived: {
    state: 'not-satisfied',
    reason: 'other',
    remarks: 'Waived: the failing subjects are covered by approved waivers.',
  },
} as const satisfies Record<ControlResult['status'], OscalFinding['target']['status']>;

const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

/**
 * The OSCAL `token` for a control id. Ids that are tokens stay as they are; others (PCI and CIS
 * ids start with a digit) are prefixed with the framework (`1.3.1` → `pci-dss-1.3.1`); the
 * original id is kept in a `control-id` prop either way.
 *
 * @example oscalControlId('pci-dss', '1.3.1') // 'pci-dss-1.3.1'
 */
export function oscalControlId(framework: string, id: string): string {
  if (TOKEN.test(id)) return id;
  const prefixed = `${framework}-${id}`;
  if (TOKEN.test(prefixed)) return prefixed;
  const hash = createHash('sha256').update(`${framework}\0${id}`).digest('hex').slice(0, 8);
  return `_${prefixed.replace(/[^\p{L}\p{N}._-]/gu, '_')}_${hash}`;
}

/**
 * `{ props }` for spreading, without blank values (OSCAL `string` values have no leading,
 * trailing or line-breaking whitespace) and without an empty array (OSCAL arrays have minItems 1).
 */
function props(entries: Record<string, string | number | undefined>): { props?: OscalProperty[] } {
  const list = Object.entries(entries).flatMap(([name, raw]) => {
    const value = raw === undefined ? '' : String(raw).replace(/\s+/g, ' ').trim();
    return value ? [{ name, ns: FENCELINE_OSCAL_PROPS_NS, value }] : [];
  });
  return list.length > 0 ? { props: list } : {};
}

/**
 * Builds an OSCAL 1.1.2 assessment-results document: one result per cluster × framework, with
 * one observation (the evidence) and one finding (the verdict) per control. UUIDs are v5 UUIDs
 * derived from the canonical JSON of the input, so equal input gives an equal document. No
 * separate assessment plan exists; `import-ap` points at a back-matter resource describing
 * the automated assessment.
 *
 * @example toOscalAssessmentResults(subject, reports)['assessment-results'].metadata['oscal-version'] // '1.1.2'
 */
export function toOscalAssessmentResults(
  subject: ReportSubject,
  reports: readonly ClusterFrameworkReport[],
): OscalAssessmentResults {
  const documentUuid = uuidV5(canonicalJson({ subject, reports }), FENCELINE_OSCAL_NAMESPACE);
  const uuid = (...path: (string | number)[]): string => uuidV5(JSON.stringify(path), documentUuid);
  const generatedAt = formatUtc(parseTimestamp(subject.generatedAt, 'subject.generatedAt'));
  const asOf =
    subject.asOf === undefined
      ? undefined
      : formatUtc(parseTimestamp(subject.asOf, 'subject.asOf'));
  const planUuid = uuid('assessment-plan');
  const results = reports.map((input, index) =>
    toResult(input, (...path) => uuid('result', index, ...path), `reports[${index}]`),
  );
  const empty: OscalResult = {
    uuid: uuid('result', 'none'),
    title: 'No framework evaluated',
    description: 'The report covers no cluster × framework evaluation.',
    start: generatedAt,
    'reviewed-controls': { 'control-selections': [{ description: 'No controls were reviewed.' }] },
  };
  return {
    'assessment-results': {
      uuid: documentUuid,
      metadata: {
        title: `Fenceline compliance assessment: ${subject.organization} (${subject.scope.kind} ${subject.scope.name})`,
        'last-modified': generatedAt,
        version: generatedAt,
        'oscal-version': '1.1.2',
        ...props({
          'scope-kind': subject.scope.kind,
          'scope-name': subject.scope.name,
          'as-of': asOf,
        }),
        parties: [
          { uuid: uuid('party', 'organization'), type: 'organization', name: subject.organization },
        ],
      },
      'import-ap': { href: `#${planUuid}` },
      // OSCAL requires at least one result.
      results: results.length > 0 ? results : [empty],
      'back-matter': {
        resources: [
          {
            uuid: planUuid,
            title: 'Fenceline automated assessment',
            description:
              'Automated evaluation of Kubernetes NetworkPolicy compliance frameworks against cluster inventory snapshots. ' +
              'There is no separate assessment plan: every control of each framework is tested on each snapshot.',
          },
        ],
      },
    },
  };
}

function toResult(
  input: ClusterFrameworkReport,
  uuid: (...path: (string | number)[]) => string,
  path: string,
): OscalResult {
  const { cluster, report } = input;
  const evaluatedAt = formatUtc(parseTimestamp(input.evaluatedAt, `${path}.evaluatedAt`));
  const observations = report.controls.map((control, i): OscalObservation => {
    const evidence = control.evidence.map((item) => ({ description: JSON.stringify(item) }));
    return {
      uuid: uuid('observation', i),
      title: `${control.id} ${control.title}`,
      description: `Automated test of control ${control.id} on cluster ${cluster.name}: ${control.evidence.length} evidence item(s).`,
      ...props({ 'control-id': control.id, 'evidence-count': control.evidence.length }),
      methods: ['TEST'],
      types: ['control-objective'],
      ...(evidence.length > 0 ? { 'relevant-evidence': evidence } : {}),
      collected: evaluatedAt,
    };
  });
  const findings = report.controls.map((control, i): OscalFinding => ({
    uuid: uuid('finding', i),
    title: `${control.id} ${control.title}`,
    description: `Control ${control.id} (${control.severity}) is ${control.status} on cluster ${cluster.name}, score ${control.score}.`,
    ...props({
      'control-id': control.id,
      status: control.status,
      severity: control.severity,
      score: control.score,
    }),
    target: {
      type: 'objective-id',
      'target-id': oscalControlId(report.framework, control.id),
      status: OSCAL_STATUS_BY_CONTROL_STATUS[control.status],
    },
    'related-observations': [{ 'observation-uuid': uuid('observation', i) }],
  }));
  const controlIds = report.controls.map((c) => ({
    'control-id': oscalControlId(report.framework, c.id),
  }));
  return {
    uuid: uuid(),
    title: `${report.title} ${report.version}: ${cluster.name} (${cluster.environment})`,
    description: `Automated evaluation of ${report.framework} ${report.version} against snapshot ${input.snapshotId} of cluster ${cluster.name}.`,
    start: evaluatedAt,
    ...props({
      'cluster-id': cluster.id,
      'cluster-name': cluster.name,
      environment: cluster.environment,
      'snapshot-id': input.snapshotId,
      framework: report.framework,
      'framework-version': report.version,
      score: report.score,
    }),
    'reviewed-controls': {
      'control-selections': [
        controlIds.length > 0
          ? { 'include-controls': controlIds }
          : { description: 'The framework defines no controls.' },
      ],
    },
    // OSCAL arrays hold at least one item: leave them out when empty.
    ...(observations.length > 0 ? { observations, findings } : {}),
  };
}
