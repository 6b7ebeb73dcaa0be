import { fixtureReports, fixtureSubject } from '../../test/fixtures';
import { toOscalAssessmentResults } from './assessment-results';
import { validateOscalAssessmentResults } from './assessment-results.schema';

/* eslint-disable @typescript-eslint/no-explicit-any -- mutating a parsed JSON tree */
const valid = (): any =>
  JSON.parse(JSON.stringify(toOscalAssessmentResults(fixtureSubject, fixtureReports)));

describe('validateOscalAssessmentResults', () => {
  it.each<[string, (d: any) => void, RegExp]>([
    [
      'a missing root',
      (d) => {
        delete d['assessment-results'];
      },
      /^assessment-results: /,
    ],
    [
      'an unknown root key',
      (d) => {
        d.extra = 1;
      },
      /^\(root\): .*extra/,
    ],
    [
      'a v1 UUID',
      (d) => {
        d['assessment-results'].uuid = 'c232ab00-9414-11ec-b3c8-9f6bdeced846';
      },
      /^assessment-results\.uuid: must be a UUID version 4 or 5$/,
    ],
    [
      'a missing metadata title',
      (d) => {
        delete d['assessment-results'].metadata.title;
      },
      /^assessment-results\.metadata\.title: /,
    ],
    [
      'a date-time without zone',
      (d) => {
        d['assessment-results'].metadata['last-modified'] = '2025-03-01T12:00:00';
      },
      /last-modified: must be a date-time with a time zone$/,
    ],
    [
      'an impossible date',
      (d) => {
        d['assessment-results'].results[0].start = '2025-02-29T12:00:00Z';
      },
      /results\.0\.start: must be a date-time/,
    ],
    [
      'another OSCAL version',
      (d) => {
        d['assessment-results'].metadata['oscal-version'] = '1.0.0';
      },
      /oscal-version: /,
    ],
    [
      'a missing import-ap',
      (d) => {
        delete d['assessment-results']['import-ap'];
      },
      /^assessment-results\.import-ap: /,
    ],
    [
      'no results',
      (d) => {
        d['assessment-results'].results = [];
      },
      /^assessment-results\.results: /,
    ],
    [
      'a result without reviewed-controls',
      (d) => {
        delete d['assessment-results'].results[0]['reviewed-controls'];
      },
      /results\.0\.reviewed-controls: /,
    ],
    [
      'empty include-controls',
      (d) => {
        d['assessment-results'].results[0]['reviewed-controls']['control-selections'][0][
          'include-controls'
        ] = [];
      },
      /include-controls: /,
    ],
    [
      'a control id that is not a token',
      (d) => {
        d['assessment-results'].results[0]['reviewed-controls']['control-selections'][0][
          'include-controls'
        ][0]['control-id'] = '1.3.1';
      },
      /control-id: must be an OSCAL token$/,
    ],
    [
      'an observation without methods',
      (d) => {
        delete d['assessment-results'].results[0].observations[0].methods;
      },
      /observations\.0\.methods: /,
    ],
    [
      'an observation without collected',
      (d) => {
        delete d['assessment-results'].results[0].observations[0].collected;
      },
      /observations\.0\.collected: /,
    ],
    [
      'an unknown finding state',
      (d) => {
        d['assessment-results'].results[0].findings[0].target.status.state = 'waived';
      },
      /target\.status\.state: /,
    ],
    [
      'a wrong target type',
      (d) => {
        d['assessment-results'].results[0].findings[0].target.type = 'control-id';
      },
      /target\.type: /,
    ],
    [
      'a prop value with surrounding spaces',
      (d) => {
        d['assessment-results'].results[0].props[0].value = ' x ';
      },
      /props\.0\.value: /,
    ],
    [
      'a dangling related observation',
      (d) => {
        d['assessment-results'].results[0].findings[0]['related-observations'][0][
          'observation-uuid'
        ] = d['assessment-results'].uuid.replace(/^.{8}/, '00000000');
      },
      /related-observations\.0\.observation-uuid: no observation/,
    ],
    [
      'a duplicated UUID',
      (d) => {
        d['assessment-results'].results[1].uuid = d['assessment-results'].results[0].uuid;
      },
      /results\.1\.uuid: uuid .* is already used by assessment-results\.results\.0\.uuid$/,
    ],
    [
      'an import-ap link to nothing',
      (d) => {
        d['assessment-results']['back-matter'].resources[0].uuid = d[
          'assessment-results'
        ].results[0].observations[0].uuid.replace(/^.{8}/, '11111111');
      },
      /import-ap\.href: .* names no back-matter resource$/,
    ],
  ])('rejects %s', (_, mutate, expected) => {
    const doc = valid();
    mutate(doc);
    expect(validateOscalAssessmentResults(doc)).toEqual(
      expect.arrayContaining([expect.stringMatching(expected)]),
    );
  });

  it('accepts a leap day and a +05:30 offset', () => {
    const doc = valid();
    doc['assessment-results'].results[0].start = '2024-02-29T12:00:00.5+05:30';
    expect(validateOscalAssessmentResults(doc)).toEqual([]);
  });
});
