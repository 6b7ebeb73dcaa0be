import { z } from 'zod';

/*
 * Structural schema of an OSCAL 1.1.2 assessment-results document, after NIST's
 * oscal_assessment-results_schema.json (release v1.1.2, usnistgov/OSCAL) and its reference
 * (https://pages.nist.gov/OSCAL-Reference/models/v1.1.2/assessment-results/json-reference/):
 * required keys, `additionalProperties: false`, `minItems: 1` arrays, and the data type patterns
 * below (copied from the schema's definitions). Members Fenceline never writes are accepted
 * without looking inside. Beyond the JSON schema, it checks the Metaschema constraints a
 * consumer relies on: UUIDs are unique, related observations and `#uuid` links resolve.
 */

const UUID =
  /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$/;
const DATE_TIME_WITH_TIMEZONE =
  /^(((2000|2400|2800|(19|2[0-9](0[48]|[2468][048]|[13579][26])))-02-29)|(((19|2[0-9])[0-9]{2})-02-(0[1-9]|1[0-9]|2[0-8]))|(((19|2[0-9])[0-9]{2})-(0[13578]|10|12)-(0[1-9]|[12][0-9]|3[01]))|(((19|2[0-9])[0-9]{2})-(0[469]|11)-(0[1-9]|[12][0-9]|30)))T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z|(-((0[0-9]|1[0-2]):00|0[39]:30)|\+((0[0-9]|1[0-4]):00|(0[34569]|10):30|(0[58]|12):45)))$/;
const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
const STRING = /^\S(.*\S)?$/;
const URI = /^[a-zA-Z][a-zA-Z0-9+\-.]+:\S*$/;
const URI_REFERENCE = /^\S+$/;

const uuid = z.string().regex(UUID, 'must be a UUID version 4 or 5');
const dateTime = z.string().regex(DATE_TIME_WITH_TIMEZONE, 'must be a date-time with a time zone');
const token = z.string().regex(TOKEN, 'must be an OSCAL token');
const text = z.string().regex(STRING, 'must be an OSCAL string (no surrounding whitespace)');
const markup = z.string();
const other = z.unknown().optional();
const many = <T extends z.ZodType>(item: T) => z.array(item).min(1).optional();

const property = z.strictObject({
  name: token,
  uuid: uuid.optional(),
  ns: z.string().regex(URI, 'must be an absolute URI').optional(),
  value: text,
  class: token.optional(),
  group: token.optional(),
  remarks: markup.optional(),
});
const link = z.looseObject({ href: z.string().regex(URI_REFERENCE, 'must be a URI reference') });
const common = { props: many(property), links: many(link), remarks: markup.optional() };

const metadata = z.strictObject({
  title: markup,
  published: dateTime.optional(),
  'last-modified': dateTime,
  version: text,
  'oscal-version': z.string().regex(/^1\.1\.2$/, "must be '1.1.2'"),
  revisions: other,
  'document-ids': other,
  roles: other,
  locations: other,
  parties: many(
    z.looseObject({ uuid, type: z.enum(['person', 'organization']), name: text.optional() }),
  ),
  'responsible-parties': other,
  actions: other,
  ...common,
});

const selectControl = z.strictObject({ 'control-id': token, 'statement-ids': many(token) });
const reviewedControls = z.strictObject({
  description: markup.optional(),
  'control-selections': z
    .array(
      z.strictObject({
        description: markup.optional(),
        'include-all': z.strictObject({}).optional(),
        'include-controls': many(selectControl),
        'exclude-controls': many(selectControl),
        ...common,
      }),
    )
    .min(1),
  'control-objective-selections': other,
  ...common,
});

const observation = z.strictObject({
  uuid,
  title: markup.optional(),
  description: markup,
  methods: z.array(z.enum(['EXAMINE', 'INTERVIEW', 'TEST', 'UNKNOWN'])).min(1),
  types: many(
    z.enum(['ssp-statement-issue', 'control-objective', 'mitigation', 'finding', 'historic']),
  ),
  origins: other,
  subjects: other,
  'relevant-evidence': many(
    z.strictObject({
      href: z.string().regex(URI_REFERENCE).optional(),
      description: markup,
      ...common,
    }),
  ),
  collected: dateTime,
  expires: dateTime.optional(),
  ...common,
});

const finding = z.strictObject({
  uuid,
  title: markup,
  description: markup,
  origins: other,
  target: z.strictObject({
    type: z.enum(['statement-id', 'objective-id']),
    'target-id': token,
    title: markup.optional(),
    description: markup.optional(),
    status: z.strictObject({
      state: z.enum(['satisfied', 'not-satisfied']),
      reason: token.optional(),
      remarks: markup.optional(),
    }),
    'implementation-status': other,
    ...common,
  }),
  'implementation-statement-uuid': uuid.optional(),
  'related-observations': many(z.strictObject({ 'observation-uuid': uuid })),
  'related-risks': other,
  ...common,
});

const result = z.strictObject({
  uuid,
  title: markup,
  description: markup,
  start: dateTime,
  end: dateTime.optional(),
  'local-definitions': other,
  'reviewed-controls': reviewedControls,
  attestations: other,
  'assessment-log': other,
  observations: many(observation),
  risks: other,
  findings: many(finding),
  ...common,
});

const document = z.strictObject({
  $schema: z.string().optional(),
  'assessment-results': z.strictObject({
    uuid,
    metadata,
    'import-ap': z.strictObject({
      href: z.string().regex(URI_REFERENCE, 'must be a URI reference'),
      remarks: markup.optional(),
    }),
    'local-definitions': other,
    results: z.array(result).min(1),
    'back-matter': z
      .strictObject({
        resources: many(
          z.looseObject({ uuid, title: markup.optional(), description: markup.optional() }),
        ),
      })
      .optional(),
  }),
});

/**
 * Checks an object against the OSCAL 1.1.2 assessment-results JSON schema (structure, required
 * keys, UUID/date-time/token formats) and its referential constraints. Returns one
 * `path: message` line per problem; empty when valid.
 *
 * @example validateOscalAssessmentResults(toOscalAssessmentResults(subject, reports)) // []
 */
export function validateOscalAssessmentResults(obj: unknown): string[] {
  const parsed = document.safeParse(obj);
  if (!parsed.success)
    return parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  const ar = parsed.data['assessment-results'];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seen.get(id.toLowerCase());
    if (first) problems.push(`${path}: uuid ${id} is already used by ${first}`);
    else seen.set(id.toLowerCase(), path);
  };
  claim(ar.uuid, 'assessment-results.uuid');
  ar.metadata.parties?.forEach((p, i) =>
    claim(p.uuid, `assessment-results.metadata.parties.${i}.uuid`),
  );
  ar['back-matter']?.resources?.forEach((r, i) =>
    claim(r.uuid, `assessment-results.back-matter.resources.${i}.uuid`),
  );
  ar.results.forEach((res, i) => {
    const at = `assessment-results.results.${i}`;
    claim(res.uuid, `${at}.uuid`);
    res.observations?.forEach((o, j) => claim(o.uuid, `${at}.observations.${j}.uuid`));
    const observationIds = new Set(res.observations?.map((o) => o.uuid.toLowerCase()));
    res.findings?.forEach((f, j) => {
      claim(f.uuid, `${at}.findings.${j}.uuid`);
      f['related-observations']?.forEach((r, k) => {
        if (!observationIds.has(r['observation-uuid'].toLowerCase()))
          problems.push(
            `${at}.findings.${j}.related-observations.${k}.observation-uuid: no observation ${r['observation-uuid']} in this result`,
          );
      });
    });
  });
  const href = ar['import-ap'].href;
  if (href.startsWith('#') && !ar['back-matter']?.resources?.some((r) => `#${r.uuid}` === href))
    problems.push(`assessment-results.import-ap.href: ${href} names no back-matter resource`);
  return problems;
}
