import type { Guardrail, PeerSpec } from './baseline-content';
import { parsePeerSpec, parsePortSpecs } from './parse-peer-spec';
import { parseRawSelector } from './parse-selector';
import { checkKeys, describeValue, IssueList, quote, readRecord, readText } from './raw-input';

const TYPES = ['require-default-deny', 'require-dns-egress', 'deny', 'allow'] as const;
const DIRECTIONS = ['ingress', 'egress', 'both'] as const;

const KEYS: Readonly<Record<Guardrail['type'], readonly string[]>> = {
  'require-default-deny': ['type', 'name', 'direction'],
  'require-dns-egress': ['type', 'name', 'dns'],
  deny: ['type', 'name', 'from', 'to', 'ports'],
  allow: ['type', 'name', 'from', 'to', 'ports'],
};

/**
 * Validates every guardrail and that their names (the type when unnamed) are unique: findings
 * and alerts are keyed by that name.
 *
 * @example parseGuardrails(issues, [{ type: 'require-default-deny', direction: 'both' }], 'guardrails')
 */
export function parseGuardrails(issues: IssueList, value: unknown, path: string): Guardrail[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add(path, `expected a list, got ${describeValue(value)}`);
    return [];
  }
  const guardrails: Guardrail[] = [];
  const seen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const p = `${path}[${i}]`;
    const guardrail = parseGuardrail(issues, raw, p);
    if (!guardrail) return;
    const name = guardrail.name ?? guardrail.type;
    const first = seen.get(name);
    if (first !== undefined) {
      issues.add(
        `${p}.name`,
        `duplicate guardrail name ${quote(name)} (first at ${path}[${first}]); give each guardrail its own name`,
      );
    } else seen.set(name, i);
    guardrails.push(guardrail);
  });
  return guardrails;
}

function parseGuardrail(issues: IssueList, value: unknown, path: string): Guardrail | undefined {
  const record = readRecord(issues, value, path, true);
  if (!record) return undefined;
  const type = record['type'];
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    issues.add(
      `${path}.type`,
      `${describeValue(type)} is not a guardrail type (${TYPES.join(', ')})`,
    );
    return undefined;
  }
  const kind = type as Guardrail['type'];
  const before = issues.count;
  checkKeys(issues, record, KEYS[kind], path);
  const needsName = kind === 'deny' || kind === 'allow';
  const name = readText(issues, record['name'], `${path}.name`, needsName);
  const named = name === undefined ? {} : { name };
  let guardrail: Guardrail | undefined;
  switch (kind) {
    case 'require-default-deny': {
      const direction = record['direction'];
      if (typeof direction !== 'string' || !(DIRECTIONS as readonly string[]).includes(direction)) {
        issues.add(
          `${path}.direction`,
          `${describeValue(direction)} is not a direction (${DIRECTIONS.join(', ')})`,
        );
      } else
        guardrail = { type: kind, ...named, direction: direction as 'ingress' | 'egress' | 'both' };
      break;
    }
    case 'require-dns-egress':
      guardrail = { type: kind, ...named, ...parseDns(issues, record['dns'], `${path}.dns`) };
      break;
    case 'deny':
    case 'allow': {
      const from = parsePeerSpec(issues, record['from'], `${path}.from`);
      const to = parsePeerSpec(issues, record['to'], `${path}.to`);
      const ports = parsePortSpecs(issues, record['ports'], `${path}.ports`);
      if (from?.cidr !== undefined && to?.cidr !== undefined) {
        issues.add(
          path,
          'from and to are both CIDRs: at least one end must select pods (traffic between external addresses is not governed by NetworkPolicies)',
        );
      }
      if (from && to && name !== undefined)
        guardrail = { type: kind, name, from, to, ...(ports ? { ports } : {}) };
      break;
    }
  }
  return issues.count > before ? undefined : guardrail;
}

function parseDns(
  issues: IssueList,
  value: unknown,
  path: string,
): { dns?: Pick<PeerSpec, 'namespaceSelector' | 'podSelector'> } {
  const record = readRecord(issues, value, path, false);
  if (!record) return {};
  checkKeys(issues, record, ['namespaceSelector', 'podSelector'], path);
  const namespaceSelector = parseRawSelector(
    issues,
    record['namespaceSelector'],
    `${path}.namespaceSelector`,
    false,
  );
  const podSelector = parseRawSelector(issues, record['podSelector'], `${path}.podSelector`, false);
  const unset = (k: string): boolean => record[k] === undefined || record[k] === null;
  if (unset('namespaceSelector') && unset('podSelector')) {
    issues.add(
      path,
      'needs a namespaceSelector and/or a podSelector (leave dns out for kube-dns in kube-system)',
    );
    return {};
  }
  return {
    dns: {
      ...(namespaceSelector ? { namespaceSelector: namespaceSelector.raw } : {}),
      ...(podSelector ? { podSelector: podSelector.raw } : {}),
    },
  };
}
