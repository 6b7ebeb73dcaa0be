import { ReportInputError } from '../model/report-input-error';
import { fixtureReports, fixtureSubject, prodPci, trickyEvidence } from '../../test/fixtures';
import { oscalControlId, toOscalAssessmentResults } from './assessment-results';
import { validateOscalAssessmentResults } from './assessment-results.schema';

describe('toOscalAssessmentResults', () => {
  const doc = toOscalAssessmentResults(fixtureSubject, fixtureReports);
  const ar = doc['assessment-results'];

  it('writes a valid OSCAL 1.1.2 document', () => {
    expect(validateOscalAssessmentResults(doc)).toEqual([]);
    expect(validateOscalAssessmentResults(JSON.parse(JSON.stringify(doc)))).toEqual([]);
    expect(ar.metadata).toMatchObject({
      'oscal-version': '1.1.2',
      'last-modified': '2025-03-01T12:00:00Z',
      title: 'Fenceline compliance assessment: Acme Corp (fleet all clusters)',
    });
    expect(ar.metadata.props).toContainEqual(
      expect.objectContaining({ name: 'as-of', value: '2025-03-01T11:58:00Z' }),
    );
    expect(ar['import-ap'].href).toBe(`#${ar['back-matter'].resources[0]!.uuid}`);
  });

  it('writes one result per cluster × framework, in UTC', () => {
    expect(ar.results.map((r) => r.title)).toEqual([
      'Zero-trust network segmentation 1.0: prod-eu (production)',
      'PCI DSS 4.0.1: prod-eu (production)',
      'Zero-trust network segmentation 1.0: staging-us (staging)',
    ]);
    expect(ar.results.map((r) => r.start)).toEqual([
      '2025-03-01T11:58:00.25Z',
      '2025-03-01T11:58:00.25Z',
      '2025-03-01T11:00:00Z',
    ]);
  });

  it.each([
    ['ZT-1', 'satisfied', 'pass'],
    ['ZT-2', 'not-satisfied', 'fail'],
    ['ZT-7', 'satisfied', 'other'],
    ['ZT-10', 'not-satisfied', 'other'],
  ])('maps %s to %s (%s)', (id, state, reason) => {
    const finding = ar.results[0]!.findings!.find((f) => f.target['target-id'] === id)!;
    expect(finding.target.status).toMatchObject({ state, reason });
    const [related] = finding['related-observations'];
    const observation = ar.results[0]!.observations!.find(
      (o) => o.uuid === related!['observation-uuid'],
    );
    expect(observation?.title.startsWith(`${id} `)).toBe(true);
  });

  it('reviews every control, with PCI ids made into tokens', () => {
    expect(
      ar.results[1]!['reviewed-controls']['control-selections'][0]['include-controls'],
    ).toEqual([{ 'control-id': 'pci-dss-1.3.1' }, { 'control-id': 'pci-dss-11.4.5' }]);
    expect(ar.results[1]!.findings![0]!.props).toContainEqual(
      expect.objectContaining({ name: 'control-id', value: '1.3.1' }),
    );
  });

  it('keeps every evidence item as relevant evidence', () => {
    const observation = ar.results[0]!.observations![1]!;
    expect(observation['relevant-evidence']!.map((e) => JSON.parse(e.description))).toEqual(
      trickyEvidence,
    );
    expect(ar.results[0]!.observations![0]!['relevant-evidence']).toBeUndefined();
  });

  it('derives UUIDs from the input: equal input, equal document; other input, other UUIDs', () => {
    expect(toOscalAssessmentResults(fixtureSubject, fixtureReports)).toEqual(doc);
    const other = toOscalAssessmentResults(
      { ...fixtureSubject, organization: 'Other' },
      fixtureReports,
    )['assessment-results'];
    expect(other.uuid).not.toBe(ar.uuid);
    expect(other.results[0]!.uuid).not.toBe(ar.results[0]!.uuid);
  });

  it('still writes a valid document with no reports and with a control-less framework', () => {
    expect(validateOscalAssessmentResults(toOscalAssessmentResults(fixtureSubject, []))).toEqual(
      [],
    );
    const empty = { ...prodPci, report: { ...prodPci.report, controls: [] } };
    expect(
      validateOscalAssessmentResults(toOscalAssessmentResults(fixtureSubject, [empty])),
    ).toEqual([]);
  });

  it('refuses timestamps without a time zone, naming the field', () => {
    expect(() => toOscalAssessmentResults({ ...fixtureSubject, asOf: '2025-03-01' }, [])).toThrow(
      ReportInputError,
    );
    expect(() =>
      toOscalAssessmentResults(fixtureSubject, [prodPci, { ...prodPci, evaluatedAt: 'now' }]),
    ).toThrow(/^reports\[1\]\.evaluatedAt: /);
  });
});

describe('oscalControlId', () => {
  it.each([
    ['zero-trust', 'ZT-1', 'ZT-1'],
    ['pci-dss', '1.3.1', 'pci-dss-1.3.1'],
    ['cis-k8s', '5.3.2', 'cis-k8s-5.3.2'],
    ['1x', '2 y', /^_1x-2_y_[0-9a-f]{8}$/],
  ])('%s / %s → %s', (framework, id, expected) => {
    if (typeof expected === 'string') expect(oscalControlId(framework, id)).toBe(expected);
    else expect(oscalControlId(framework, id)).toMatch(expected);
  });
});
