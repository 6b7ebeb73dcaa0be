/**
 * A GitHub-flavoured Markdown table; `|` and line breaks inside cells are escaped.
 *
 * @example toMarkdownTable(['src', 'dst'], [['a', 'b']]) // '| src | dst |\n| --- | --- |\n| a | b |\n'
 */
export function toMarkdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
