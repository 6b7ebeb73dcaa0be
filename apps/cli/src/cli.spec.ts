import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../test/cli-harness';

const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  version: string;
};

describe('runCli', () => {
  it('prints help with the exit codes and exits 0', async () => {
    const result = await run(process.cwd(), '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: fenceline [options] [command]');
    for (const command of ['connlist', 'diff', 'explain', 'snapshot'])
      expect(result.stdout).toContain(`  ${command} `);
    expect(result.stdout).toContain('Exit codes:\n  0  success\n  1  findings');
    expect(result.stdout).toContain('  2  invalid input');
  });

  it('documents the exit codes of each command', async () => {
    expect((await run(process.cwd(), 'diff', '--help')).stdout).toContain('1 differences found');
    expect((await run(process.cwd(), 'explain', '--help')).stdout).toContain('1 denied');
  });

  it('prints the version', async () => {
    expect(await run(process.cwd(), '--version')).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
  });

  it('exits 2 on an unknown command or option, and without a command', async () => {
    const unknown = await run(process.cwd(), 'lint-everything');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'lint-everything'");
    expect((await run(process.cwd(), 'connlist', '.', '--colour')).code).toBe(2);
    const none = await run(process.cwd());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: fenceline');
  });
});
