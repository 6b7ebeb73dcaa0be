import type { Protocol } from '@fenceline/netpol';

export type Tier = 'frontend' | 'backend' | 'data' | 'worker';
export type Env = 'prod' | 'staging' | 'dev';

/** A container port as the generator writes it: always named, so named-port rules resolve. */
export interface PortSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Team names (namespace label `team`); a cluster with more teams numbers them. */
export const TEAM_WORDS: readonly string[] = (
  'atlas beacon cinder delta ember falcon garnet harbor indigo juniper kestrel lumen ' +
  'meridian nimbus orbit pioneer quartz raven summit tundra'
).split(' ');

/** Service names for apps and namespaces. */
export const SERVICE_WORDS: readonly string[] = (
  'checkout cart payments search catalog orders users auth billing inventory shipping ' +
  'notify ledger pricing reviews media profile gateway reports ratings quotes tax fraud ' +
  'loyalty recs ads chat feeds geo identity invoices mail maps metering onboarding ' +
  'promo refunds returns sessions stock'
).split(' ');

const HTTP: PortSpec = { name: 'http', port: 8080, protocol: 'TCP' };
const METRICS: PortSpec = { name: 'metrics', port: 9090, protocol: 'TCP' };

/** Data stores: the app name and their (named) ports, exporters' metrics ports included. */
export const DATA_ENGINES: readonly {
  readonly app: string;
  readonly ports: readonly PortSpec[];
}[] = [
  {
    app: 'postgres',
    ports: [
      { name: 'pg', port: 5432, protocol: 'TCP' },
      { name: 'metrics', port: 9187, protocol: 'TCP' },
    ],
  },
  {
    app: 'redis',
    ports: [
      { name: 'redis', port: 6379, protocol: 'TCP' },
      { name: 'metrics', port: 9121, protocol: 'TCP' },
    ],
  },
  {
    app: 'kafka',
    ports: [
      { name: 'kafka', port: 9092, protocol: 'TCP' },
      { name: 'metrics', port: 9308, protocol: 'TCP' },
    ],
  },
  {
    app: 'memcached',
    ports: [
      { name: 'memcache', port: 11211, protocol: 'TCP' },
      { name: 'memcache-udp', port: 11211, protocol: 'UDP' },
      { name: 'metrics', port: 9150, protocol: 'TCP' },
    ],
  },
];

/** Ports of a stateless tier; a few backends also speak Diameter over SCTP. */
export function tierPorts(tier: Exclude<Tier, 'data'>, sctp: boolean): PortSpec[] {
  switch (tier) {
    case 'frontend':
      return [HTTP, METRICS];
    case 'backend':
      return [
        { name: 'grpc', port: 9000, protocol: 'TCP' },
        HTTP,
        METRICS,
        ...(sctp ? [{ name: 'diameter', port: 3868, protocol: 'SCTP' } as const] : []),
      ];
    case 'worker':
      return [METRICS, { name: 'statsd', port: 8125, protocol: 'UDP' }];
  }
}

/** App name suffix per tier: `checkout-ui`, `checkout` (API), `checkout-worker`. */
export const TIER_SUFFIX: Readonly<Record<Exclude<Tier, 'data'>, string>> = {
  frontend: '-ui',
  backend: '',
  worker: '-worker',
};

/** Tiers of a namespace's classes in order, by the namespace's own `tier` label. */
export const TIER_CYCLES: Readonly<Record<Tier, readonly Tier[]>> = {
  frontend: ['frontend', 'backend', 'backend', 'data', 'worker'],
  backend: ['backend', 'data', 'frontend', 'worker', 'backend'],
  data: ['data', 'backend', 'data', 'worker', 'backend'],
  worker: ['worker', 'backend', 'data', 'worker', 'frontend'],
};

/** Partner networks some workloads talk to: public /24s and one /16 with a carve-out. */
export const PARTNER_CIDRS = [
  '203.0.113.0/24',
  '198.51.100.0/24',
  '192.0.2.0/24',
  '100.64.12.0/24',
] as const;
export const PARTNER_WIDE = { cidr: '52.94.0.0/16', except: ['52.94.7.0/24'] } as const;
/** The "internet" of egress policies: everything except the RFC 1918 ranges. */
export const INTERNET = {
  cidr: '0.0.0.0/0',
  except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
} as const;
