import { z } from 'zod';

/*
 * Structural schema of wgpolicyk8s.io/v1alpha2 PolicyReport and ClusterPolicyReport, after the
 * CRDs published by the Policy WG (kubernetes-sigs/wg-policy-prototypes,
 * policy-report/crd/v1alpha2/wgpolicyk8s.io_{policyreports,clusterpolicyreports}.yaml, generated
 * from api/wgpolicyk8s.io/v1alpha2/{common,policyreport_types}.go):
 * - root: `scope` (ObjectReference), `scopeSelector` (LabelSelector), `summary`, `results`;
 * - summary: integers `pass`, `fail`, `warn`, `error`, `skip`, all optional;
 * - result: `policy` required; `source`, `rule`, `category`, `message` strings; `severity` enum
 *   critical|high|low|medium|info; `result` enum pass|fail|warn|error|skip; `scored` boolean;
 *   `timestamp` {seconds int64, nanos int32}; `resources` ObjectReference[];
 *   `resourceSelector` LabelSelector; `properties` map of strings.
 * The API server prunes unknown fields instead of rejecting them; this validator reports them,
 * since a pruned field is data an exporter meant to keep. It also checks what the API server
 * enforces outside the CRD: object names (DNS-1123 subdomain) and namespace scoping.
 */

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const INT64_SAFE = z.number().int();
const INT32 = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 31 - 1);

const objectReference = z.strictObject({
  apiVersion: z.string().optional(),
  fieldPath: z.string().optional(),
  kind: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  resourceVersion: z.string().optional(),
  uid: z.string().optional(),
});

const labelSelector = z.strictObject({
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.string(),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  matchLabels: z.record(z.string(), z.string()).optional(),
});

const result = z.strictObject({
  source: z.string().optional(),
  policy: z.string(),
  rule: z.string().optional(),
  category: z.string().optional(),
  severity: z.enum(['critical', 'high', 'low', 'medium', 'info']).optional(),
  timestamp: z
    .strictObject({ seconds: INT64_SAFE, nanos: INT32.min(0).max(999_999_999) })
    .optional(),
  result: z.enum(['pass', 'fail', 'warn', 'error', 'skip']).optional(),
  scored: z.boolean().optional(),
  resources: z.array(objectReference).optional(),
  resourceSelector: labelSelector.optional(),
  message: z.string().optional(),
  properties: z.record(z.string(), z.string()).optional(),
});

const metadata = z.looseObject({
  name: z.string().max(253).regex(DNS1123_SUBDOMAIN, 'must be a DNS-1123 subdomain'),
  namespace: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const policyReport = z
  .strictObject({
    apiVersion: z.literal('wgpolicyk8s.io/v1alpha2'),
    kind: z.enum(['PolicyReport', 'ClusterPolicyReport']),
    metadata,
    scope: objectReference.optional(),
    scopeSelector: labelSelector.optional(),
    summary: z
      .strictObject({
        pass: INT32.min(0).optional(),
        fail: INT32.min(0).optional(),
        warn: INT32.min(0).optional(),
        error: INT32.min(0).optional(),
        skip: INT32.min(0).optional(),
      })
      .optional(),
    results: z.array(result).optional(),
  })
  .superRefine((report, ctx) => {
    if (report.kind === 'ClusterPolicyReport' && report.metadata.namespace !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['metadata', 'namespace'],
        message: 'a ClusterPolicyReport is cluster-scoped',
      });
    if (report.kind === 'PolicyReport' && !report.metadata.namespace)
      ctx.addIssue({
        code: 'custom',
        path: ['metadata', 'namespace'],
        message: 'a PolicyReport is namespaced',
      });
  });

/**
 * Checks an object against the wgpolicyk8s.io/v1alpha2 PolicyReport / ClusterPolicyReport CRD
 * schema (see the comment above for the source), plus summary ↔ results consistency. Returns
 * one `path: message` line per problem; empty when valid.
 *
 * @example validatePolicyReport(toPolicyReport(report)) // []
 */
export function validatePolicyReport(obj: unknown): string[] {
  const parsed = policyReport.safeParse(obj);
  if (!parsed.success)
    return parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  const { summary, results = [] } = parsed.data;
  if (!summary) return [];
  const problems: string[] = [];
  for (const key of ['pass', 'fail', 'warn', 'error', 'skip'] as const) {
    const counted = results.filter((r) => r.result === key).length;
    if ((summary[key] ?? 0) !== counted)
      problems.push(`summary.${key}: is ${summary[key] ?? 0} but ${counted} results are ${key}`);
  }
  return problems;
}
