/** The subset of the OSCAL 1.1.2 assessment-results model that Fenceline writes. */

export interface OscalProperty {
  readonly name: string;
  readonly ns: string;
  readonly value: string;
}

export interface OscalObservation {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly methods: readonly ['TEST'];
  readonly types: readonly ['control-objective'];
  readonly 'relevant-evidence'?: readonly { readonly description: string }[];
  readonly collected: string;
}

export interface OscalFinding {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly props?: readonly OscalProperty[];
  readonly target: {
    readonly type: 'objective-id';
    readonly 'target-id': string;
    readonly status: {
      readonly state: 'satisfied' | 'not-satisfied';
      readonly reason: 'pass' | 'fail' | 'other';
      readonly remarks?: string;
    };
  };
  readonly 'related-observations': readonly { readonly 'observation-uuid': string }[];
}

export interface OscalResult {
  readonly uuid: string;
  readonly title: string;
  readonly description: string;
  readonly start: string;
  readonly props?: readonly OscalProperty[];
  readonly 'reviewed-controls': {
    readonly 'control-selections': readonly [
      {
        readonly description?: string;
        readonly 'include-controls'?: readonly { readonly 'control-id': string }[];
      },
    ];
  };
  readonly observations?: readonly OscalObservation[];
  readonly findings?: readonly OscalFinding[];
}

/**
 * An OSCAL 1.1.2 assessment-results document
 * (https://pages.nist.gov/OSCAL-Reference/models/v1.1.2/assessment-results/json-outline/).
 */
export interface OscalAssessmentResults {
  readonly 'assessment-results': {
    readonly uuid: string;
    readonly metadata: {
      readonly title: string;
      readonly 'last-modified': string;
      readonly version: string;
      readonly 'oscal-version': '1.1.2';
      readonly props?: readonly OscalProperty[];
      readonly parties: readonly {
        readonly uuid: string;
        readonly type: 'organization';
        readonly name: string;
      }[];
    };
    readonly 'import-ap': { readonly href: string };
    readonly results: readonly OscalResult[];
    readonly 'back-matter': {
      readonly resources: readonly {
        readonly uuid: string;
        readonly title: string;
        readonly description: string;
      }[];
    };
  };
}
