import type { IssueSink } from '../errors/issue-sink';
import type { ObjectRef } from '../errors/object-ref';
import { parsePortNumber, parseProtocol, portNameError } from '../policy/parse-port';
import {
  isUnset,
  readArray,
  readObject,
  readString,
  readStringMap,
  type RawObject,
} from '../raw/read-field';
import type { Exposure, Service, ServicePort } from './inventory';

/**
 * A Service: its selector and ports (targetPort defaults to port).
 * See https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
 */
export function parseService(
  sink: IssueSink,
  obj: RawObject,
  ref: ObjectRef,
  namespace: string,
): Service {
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  // An empty or absent selector means endpoints are managed elsewhere: the service selects no pods.
  const selectorMap = isUnset(spec['selector'])
    ? {}
    : readStringMap(sink, spec['selector'], 'spec.selector');
  const selector = Object.keys(selectorMap).length > 0 ? selectorMap : undefined;
  const ports: ServicePort[] = [];
  (readArray(sink, spec['ports'], 'spec.ports') ?? []).forEach((raw, i) => {
    const path = `spec.ports[${i}]`;
    const port = readObject(sink, raw, path);
    if (!port) return;
    const number = parsePortNumber(sink, port['port'], `${path}.port`);
    const rawTarget = port['targetPort'];
    let targetPort: number | string | undefined = number;
    if (typeof rawTarget === 'string') {
      const err = portNameError(rawTarget);
      if (err)
        sink.add('INVALID_PORT_NAME', `${path}.targetPort`, `${JSON.stringify(rawTarget)}: ${err}`);
      targetPort = rawTarget;
    } else if (!isUnset(rawTarget))
      targetPort = parsePortNumber(sink, rawTarget, `${path}.targetPort`);
    if (number === undefined || targetPort === undefined) return;
    ports.push({
      name: readString(sink, port['name'], `${path}.name`),
      port: number,
      targetPort,
      protocol: parseProtocol(sink, port['protocol'], `${path}.protocol`),
    });
  });
  return { ref, namespace, name: ref.name, selector, ports };
}

/**
 * Every service backend of an Ingress (rules and default backend; `networking.k8s.io/v1` and the
 * older `serviceName`/`servicePort` shape). Resource backends lead to no pod and are left out.
 * See https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/
 */
export function parseIngress(
  sink: IssueSink,
  obj: RawObject,
  ref: ObjectRef,
  namespace: string,
): Exposure[] {
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const exposures: Exposure[] = [];
  const addBackend = (raw: unknown, path: string): void => {
    const backend = readObject(sink, raw, path);
    if (!backend) return;
    const service = readObject(sink, backend['service'], `${path}.service`);
    if (service) {
      const name = readString(sink, service['name'], `${path}.service.name`);
      const port = readObject(sink, service['port'], `${path}.service.port`) ?? {};
      const value = isUnset(port['number'])
        ? readString(sink, port['name'], `${path}.service.port.name`)
        : parsePortNumber(sink, port['number'], `${path}.service.port.number`);
      if (name)
        exposures.push({
          ref,
          namespace,
          service: name,
          port: value === undefined ? undefined : { kind: 'servicePort', value },
        });
      return;
    }
    const legacyName = readString(sink, backend['serviceName'], `${path}.serviceName`);
    if (legacyName) {
      const raw = backend['servicePort'];
      const value = typeof raw === 'number' || typeof raw === 'string' ? raw : undefined;
      exposures.push({
        ref,
        namespace,
        service: legacyName,
        port: value === undefined ? undefined : { kind: 'servicePort', value },
      });
    }
  };
  addBackend(spec['defaultBackend'] ?? spec['backend'], 'spec.defaultBackend');
  (readArray(sink, spec['rules'], 'spec.rules') ?? []).forEach((rawRule, r) => {
    const http = readObject(
      sink,
      readObject(sink, rawRule, `spec.rules[${r}]`)?.['http'],
      `spec.rules[${r}].http`,
    );
    (readArray(sink, http?.['paths'], `spec.rules[${r}].http.paths`) ?? []).forEach(
      (rawPath, p) => {
        const path = readObject(sink, rawPath, `spec.rules[${r}].http.paths[${p}]`);
        addBackend(path?.['backend'], `spec.rules[${r}].http.paths[${p}].backend`);
      },
    );
  });
  return exposures;
}

/**
 * An OpenShift Route to a Service (`spec.to` and `spec.alternateBackends`). `spec.port.targetPort`
 * names the service port (by name) or the pods' target port (by number).
 */
export function parseRoute(
  sink: IssueSink,
  obj: RawObject,
  ref: ObjectRef,
  namespace: string,
): Exposure[] {
  const spec = readObject(sink, obj['spec'], 'spec') ?? {};
  const rawTarget = readObject(sink, spec['port'], 'spec.port')?.['targetPort'];
  let port: Exposure['port'];
  if (typeof rawTarget === 'string') {
    port = /^\d+$/.test(rawTarget)
      ? { kind: 'targetPort', value: Number(rawTarget) }
      : { kind: 'servicePort', value: rawTarget };
  } else if (typeof rawTarget === 'number') port = { kind: 'targetPort', value: rawTarget };
  const backends = [
    spec['to'],
    ...(readArray(sink, spec['alternateBackends'], 'spec.alternateBackends') ?? []),
  ];
  const exposures: Exposure[] = [];
  backends.forEach((raw, i) => {
    const path = i === 0 ? 'spec.to' : `spec.alternateBackends[${i - 1}]`;
    const to = readObject(sink, raw, path);
    if (!to) return;
    const kind = readString(sink, to['kind'], `${path}.kind`) ?? 'Service';
    const name = readString(sink, to['name'], `${path}.name`);
    if (kind === 'Service' && name) exposures.push({ ref, namespace, service: name, port });
  });
  return exposures;
}
