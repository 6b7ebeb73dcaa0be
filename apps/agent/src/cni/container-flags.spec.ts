import { boolFlag, stringFlag } from './container-flags';

describe('boolFlag', () => {
  it.each<[string[], boolean | undefined]>([
    [['--run-firewall=false'], false],
    [['--run-firewall=true'], true],
    [['--run-firewall'], true],
    [['-run-firewall=0'], false],
    [['--run-firewall=F'], false],
    [['--run-firewall=False', '--run-firewall=true'], true],
    [['--run-firewall', 'false'], true],
    [['--run-firewall=nope'], undefined],
    [['--run-firewall-extra=false'], undefined],
    [['run-firewall=false'], undefined],
    [['/bin/sh', '-c', 'exec kube-router --run-router=true --run-firewall=false'], false],
    [["--run-firewall='false'"], false],
    [[], undefined],
  ])('%j → %s', (args, expected) => {
    expect(boolFlag(args, 'run-firewall')).toBe(expected);
  });
});

describe('stringFlag', () => {
  it.each<[string[], string | undefined]>([
    [['--enable-policy=never'], 'never'],
    [['--enable-policy', 'never'], 'never'],
    [['--enable-policy', '--debug'], undefined],
    [['--enable-policy=default', '--enable-policy=never'], 'never'],
    [['--enable-policy="always"'], 'always'],
    [['cilium-agent --enable-policy never'], 'never'],
    [['--enable-policy-audit-mode=true'], undefined],
    [['--'], undefined],
  ])('%j → %s', (args, expected) => {
    expect(stringFlag(args, 'enable-policy')).toBe(expected);
  });
});
