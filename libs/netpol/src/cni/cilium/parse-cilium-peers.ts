import { parseCidr, type Cidr } from '../../cidr/cidr';
import { FAMILY_BITS, parseIp } from '../../cidr/ip-address';
import { IpSet } from '../../cidr/ip-set';
import type { IssueSink } from '../../errors/issue-sink';
import { describe, isUnset, readArray, readObject, readString } from '../../raw/read-field';
import { parseLabelSelector } from '../../selector/label-selector';
import { CILIUM_ENTITIES, type CiliumEntity, type CiliumPeer } from './cilium-objects';
import { readCiliumSelector, scopePeerSelector } from './cilium-selector';

/** Where a peer field is read: the policy's namespace (undefined for a clusterwide policy). */
export interface PeerScope {
  readonly namespace: string | undefined;
}

/**
 * Reads a CIDR as Cilium accepts it: a prefix, or a bare address (a /32 or /128: "the external IP
 * 20.1.1.1").
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#ip-cidr-based
 */
export function readCiliumCidr(sink: IssueSink, raw: unknown, path: string): Cidr | undefined {
  const text = readString(sink, raw, path);
  if (text === undefined) {
    sink.add('MISSING_FIELD', path, 'a CIDR is required');
    return undefined;
  }
  const ip = text.includes('/') ? undefined : parseIp(text);
  const cidr = ip ? parseCidr(`${text}/${FAMILY_BITS[ip.family]}`) : parseCidr(text);
  if (!cidr) sink.add('INVALID_CIDR', path, `${JSON.stringify(text)} is not a valid CIDR`);
  return cidr;
}

const asSet = (c: Cidr): IpSet => IpSet.fromRange(c);

/** `fromEndpoints`/`toEndpoints`: selectors scoped as Cilium scopes them. */
export function readEndpointPeers(
  sink: IssueSink,
  raw: unknown,
  path: string,
  scope: PeerScope,
): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i) => {
    const selector = readCiliumSelector(sink, item, `${path}[${i}]`);
    if (!selector) sink.add('MISSING_FIELD', `${path}[${i}]`, 'an endpoint selector is required');
    return selector
      ? [{ kind: 'endpoints' as const, selector: scopePeerSelector(selector, scope.namespace) }]
      : [];
  });
}

/** `fromCIDR`/`toCIDR`: prefixes or addresses. */
export function readCidrPeers(sink: IssueSink, raw: unknown, path: string): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i) => {
    const cidr = readCiliumCidr(sink, item, `${path}[${i}]`);
    return cidr ? [{ kind: 'cidrs' as const, cidrs: asSet(cidr) }] : [];
  });
}

/**
 * `fromCIDRSet`/`toCIDRSet`: a `cidr` with the subnets of it in `except` removed, or a
 * `cidrGroupRef` / `cidrGroupSelector` naming CiliumCIDRGroups.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#ip-cidr-based
 */
export function readCidrSetPeers(sink: IssueSink, raw: unknown, path: string): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i): CiliumPeer[] => {
    const at = `${path}[${i}]`;
    const obj = readObject(sink, item, at) ?? {};
    for (const key of Object.keys(obj))
      if (!['cidr', 'except', 'cidrGroupRef', 'cidrGroupSelector'].includes(key))
        sink.add('INVALID_TYPE', `${at}.${key}`, `unknown field ${JSON.stringify(key)}`);
    const forms = ['cidr', 'cidrGroupRef', 'cidrGroupSelector'].filter((k) => !isUnset(obj[k]));
    if (forms.length !== 1) {
      sink.add(
        forms.length === 0 ? 'MISSING_FIELD' : 'INVALID_FIELD_COMBINATION',
        at,
        'exactly one of cidr, cidrGroupRef and cidrGroupSelector is required',
      );
      return [];
    }
    if (forms[0] === 'cidrGroupRef') {
      const name = readString(sink, obj['cidrGroupRef'], `${at}.cidrGroupRef`);
      return name === undefined ? [] : [{ kind: 'cidrGroup', name, selector: undefined }];
    }
    if (forms[0] === 'cidrGroupSelector') {
      const selector = parseLabelSelector(
        sink,
        obj['cidrGroupSelector'],
        `${at}.cidrGroupSelector`,
      );
      return selector ? [{ kind: 'cidrGroup', name: undefined, selector }] : [];
    }
    const cidr = readCiliumCidr(sink, obj['cidr'], `${at}.cidr`);
    if (!cidr) return [];
    let set = asSet(cidr);
    (readArray(sink, obj['except'], `${at}.except`) ?? []).forEach((e, j) => {
      const except = readCiliumCidr(sink, e, `${at}.except[${j}]`);
      if (!except) return;
      if (except.family !== cidr.family || except.first < cidr.first || except.last > cidr.last)
        sink.add(
          'EXCEPT_OUTSIDE_CIDR',
          `${at}.except[${j}]`,
          `${JSON.stringify(e)} is not inside ${JSON.stringify(obj['cidr'])}`,
        );
      else set = set.subtract(asSet(except));
    });
    return [{ kind: 'cidrs', cidrs: set }];
  });
}

/** `fromEntities`/`toEntities`. */
export function readEntityPeers(sink: IssueSink, raw: unknown, path: string): CiliumPeer[] {
  const entities: CiliumEntity[] = [];
  (readArray(sink, raw, path) ?? []).forEach((item, i) => {
    const name = CILIUM_ENTITIES.find((e) => e === item);
    if (name) entities.push(name);
    else
      sink.add(
        'INVALID_PEER',
        `${path}[${i}]`,
        `unknown entity ${describe(item)} (${CILIUM_ENTITIES.join(', ')})`,
      );
  });
  return entities.length > 0 ? [{ kind: 'entities', entities }] : [];
}

/** `fromNodes`/`toNodes`: label selectors over the Node objects' labels. */
export function readNodePeers(sink: IssueSink, raw: unknown, path: string): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i) => {
    const selector = parseLabelSelector(sink, item, `${path}[${i}]`);
    return selector ? [{ kind: 'nodes' as const, selector }] : [];
  });
}

/**
 * `toServices`: a `k8sService` is the pods its selector selects ("uses the discovered services'
 * label selector as an endpoint selector"); a `k8sServiceSelector` selects Services by their own
 * labels, which the inventory does not hold.
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#services-based
 */
export function readServicePeers(
  sink: IssueSink,
  raw: unknown,
  path: string,
  scope: PeerScope,
): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i): CiliumPeer[] => {
    const at = `${path}[${i}]`;
    const obj = readObject(sink, item, at) ?? {};
    const named = readObject(sink, obj['k8sService'], `${at}.k8sService`);
    if (named) {
      const name = readString(sink, named['serviceName'], `${at}.k8sService.serviceName`);
      const ns = readString(sink, named['namespace'], `${at}.k8sService.namespace`);
      if (!name) {
        sink.add('MISSING_FIELD', `${at}.k8sService.serviceName`, 'serviceName is required');
        return [];
      }
      return [{ kind: 'service', name, namespace: ns || scope.namespace || 'default' }];
    }
    if (!isUnset(obj['k8sServiceSelector']))
      return [{ kind: 'unevaluated', what: 'toServices k8sServiceSelector (Service labels)' }];
    sink.add('MISSING_FIELD', at, 'k8sService or k8sServiceSelector is required');
    return [];
  });
}

/**
 * `toFQDNs`: each name or pattern, kept for display; no address matches it offline (the IPs are
 * learnt from DNS answers).
 * See https://docs.cilium.io/en/latest/security/policy/layer3/#dns-based
 */
export function readFqdnPeers(sink: IssueSink, raw: unknown, path: string): CiliumPeer[] {
  return (readArray(sink, raw, path) ?? []).flatMap((item, i): CiliumPeer[] => {
    const obj = readObject(sink, item, `${path}[${i}]`) ?? {};
    const name = readString(sink, obj['matchName'], `${path}[${i}].matchName`);
    const pattern = readString(sink, obj['matchPattern'], `${path}[${i}].matchPattern`);
    if (!name && !pattern) {
      sink.add('MISSING_FIELD', `${path}[${i}]`, 'matchName or matchPattern is required');
      return [];
    }
    return [{ kind: 'unevaluated', what: `FQDN ${name ?? pattern}` }];
  });
}
