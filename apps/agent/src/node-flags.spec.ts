import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_NODE_FLAGS } from './node-flags';

const ROOT = join(__dirname, '../../..');

describe('AGENT_NODE_FLAGS', () => {
  it('are the flags the image and bin/fenceline-agent start node with (the benchmark measures with them)', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy/docker/Dockerfile.agent'), 'utf8');
    expect(/NODE_OPTIONS=(\S+)/.exec(dockerfile)?.[1]).toBe(AGENT_NODE_FLAGS.join(' '));
    const bin = readFileSync(join(ROOT, 'bin/fenceline-agent'), 'utf8').split('\n')[0];
    expect(bin).toBe(`#!/usr/bin/env -S node ${AGENT_NODE_FLAGS.join(' ')}`);
  });
});
