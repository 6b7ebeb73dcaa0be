import { toCsv } from './csv';
import { toDot } from './dot';
import { toMarkdownTable } from './markdown';

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['TCP 80,443', 'say "hi"'],
          ['two\nlines', 'plain'],
        ],
      ),
    ).toBe('a,b\n"TCP 80,443","say ""hi"""\n"two\nlines",plain\n');
  });

  it('quotes a lone carriage return and leaves empty fields bare', () => {
    expect(toCsv(['a', 'b'], [['x\ry', '']])).toBe('a,b\n"x\ry",\n');
  });

  it('prints the header alone when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\n');
  });

  it('defuses spreadsheet formulas as the reports export does', () => {
    expect(toCsv(['v'], [['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tx'], ['a=b'], ['=x,y']])).toBe(
      "v\n'=1+1\n'+1\n'-1\n'@SUM(A1)\n'\tx\na=b\n\"'=x,y\"\n",
    );
  });
});

describe('toMarkdownTable', () => {
  it('escapes pipes and line breaks inside cells', () => {
    expect(toMarkdownTable(['x', 'y'], [['a|b', 'c\nd']])).toBe(
      '| x | y |\n| --- | --- |\n| a\\|b | c<br>d |\n',
    );
  });
});

describe('toDot', () => {
  it('quotes identifiers and styles nodes by kind', () => {
    const nodes = new Map([
      ['ns/a[Pod]', 'workload' as const],
      ['say "x"', 'external' as const],
    ]);
    expect(toDot(nodes, [{ src: 'ns/a[Pod]', dst: 'say "x"', label: 'TCP 80' }])).toBe(
      [
        'digraph connlist {',
        '  "ns/a[Pod]" [shape=box];',
        '  "say \\"x\\"" [shape=ellipse, style=dashed];',
        '  "ns/a[Pod]" -> "say \\"x\\"" [label="TCP 80"];',
        '}',
        '',
      ].join('\n'),
    );
  });
});
