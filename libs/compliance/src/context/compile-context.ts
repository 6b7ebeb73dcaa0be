import {
  ConnectionSet,
  DEFAULT_OPTIONS,
  IpSet,
  isStrictSubnet,
  parseCidr,
  PortSet,
  type EvaluationOptions,
  type LabelSelector,
} from '@fenceline/netpol';
import { ComplianceInputError, type ComplianceIssue } from './compliance-input-error';
import type { ComplianceContext, FlowPort, FlowSpec, RawSelector } from './compliance-context';
import { contextInputSchema, zodIssues } from './context-schema';
import { compileSelector } from './parse-selector';

/** Pods matching both selectors (an absent selector matches every namespace / pod). */
export interface PodMatcher {
  readonly namespace: LabelSelector | undefined;
  readonly pod: LabelSelector | undefined;
}

/** A declared flow, validated: exactly one kind of peer, and the connections it declares. */
export interface CompiledFlow {
  readonly index: number;
  readonly description: string | undefined;
  readonly pods: PodMatcher | undefined;
  readonly addresses: IpSet | undefined;
  readonly ingressController: boolean;
  readonly conn: ConnectionSet;
}

/** A {@link ComplianceContext} validated once, selectors and CIDRs parsed, times resolved. */
export interface CompiledContext {
  readonly source: ComplianceContext;
  readonly options: EvaluationOptions;
  readonly cde: PodMatcher | undefined;
  readonly inbound: readonly CompiledFlow[];
  readonly outbound: readonly CompiledFlow[];
  readonly now: Date;
}

/**
 * Validates the optional parts of a context and compiles them; throws
 * {@link ComplianceInputError} with every issue when something is invalid.
 */
export function compileContext(context: ComplianceContext): CompiledContext {
  const { cni, cde: rawCde, cdeAllowed, changeControl, lastReviewAt, now } = context;
  const parsed = contextInputSchema.safeParse({
    cni,
    cde: rawCde,
    cdeAllowed,
    changeControl,
    lastReviewAt,
    now,
  });
  if (!parsed.success) throw new ComplianceInputError(zodIssues(parsed.error));
  const issues: ComplianceIssue[] = [];
  const cde = context.cde ? matcher(context.cde, 'cde', issues) : undefined;
  const flows = (list: FlowSpec[] | undefined, path: string): CompiledFlow[] =>
    (list ?? []).map((spec, i) => compileFlow(spec, i, `${path}[${i}]`, issues));
  const inbound = flows(context.cdeAllowed?.inbound, 'cdeAllowed.inbound');
  const outbound = flows(context.cdeAllowed?.outbound, 'cdeAllowed.outbound');
  if (issues.length > 0) throw new ComplianceInputError(issues);
  return {
    source: context,
    options: context.options ?? DEFAULT_OPTIONS,
    cde,
    inbound,
    outbound,
    now: context.now === undefined ? new Date() : new Date(context.now),
  };
}

function matcher(
  raw: { namespaceSelector?: RawSelector; podSelector?: RawSelector },
  path: string,
  issues: ComplianceIssue[],
): PodMatcher {
  return {
    namespace: compileSelector(raw.namespaceSelector, `${path}.namespaceSelector`, issues),
    pod: compileSelector(raw.podSelector, `${path}.podSelector`, issues),
  };
}

function compileFlow(
  spec: FlowSpec,
  index: number,
  path: string,
  issues: ComplianceIssue[],
): CompiledFlow {
  const hasSelector = spec.namespaceSelector !== undefined || spec.podSelector !== undefined;
  const kinds = [hasSelector, spec.cidr !== undefined, spec.ingressController === true].filter(
    Boolean,
  ).length;
  if (kinds !== 1) {
    issues.push({
      path,
      message: 'name exactly one peer: selectors, a cidr, or ingressController: true',
    });
  }
  if (spec.except !== undefined && spec.cidr === undefined) {
    issues.push({ path: `${path}.except`, message: 'except needs a cidr' });
  }
  let addresses: IpSet | undefined;
  if (spec.cidr !== undefined) {
    const cidr = parseCidr(spec.cidr);
    if (!cidr)
      issues.push({ path: `${path}.cidr`, message: `${JSON.stringify(spec.cidr)} is not a CIDR` });
    else {
      addresses = IpSet.fromRange(cidr);
      (spec.except ?? []).forEach((text, i) => {
        const cut = parseCidr(text);
        if (!cut || !isStrictSubnet(cut, cidr)) {
          issues.push({
            path: `${path}.except[${i}]`,
            message: `${JSON.stringify(text)} is not a strict subnet of ${spec.cidr ?? ''}`,
          });
        } else addresses = (addresses as IpSet).subtract(IpSet.fromRange(cut));
      });
    }
  }
  (spec.ports ?? []).forEach((port, i) => {
    if (port.endPort !== undefined && (port.port === undefined || port.endPort < port.port)) {
      issues.push({
        path: `${path}.ports[${i}].endPort`,
        message: 'endPort needs a port ≤ endPort',
      });
    }
  });
  return {
    index,
    description: spec.description,
    pods: hasSelector ? matcher(spec, path, issues) : undefined,
    addresses,
    ingressController: spec.ingressController === true,
    conn: flowConnections(spec.ports),
  };
}

/** The connections a list of flow ports declares; none or `[]` is every port of every protocol. */
export function flowConnections(ports: readonly FlowPort[] | undefined): ConnectionSet {
  if (!ports || ports.length === 0) return ConnectionSet.ALL;
  return ports.reduce((acc, p) => {
    const range = p.port === undefined ? PortSet.ALL : PortSet.range(p.port, p.endPort ?? p.port);
    return acc.union(ConnectionSet.of(p.protocol ?? 'TCP', range));
  }, ConnectionSet.NONE);
}
