/**
 * One problem found in a sites file. YAML and JSON problems carry the source `line`; CSV and XLSX
 * problems carry the spreadsheet `row` (as the spreadsheet numbers it) and, for a cell, its `column`
 * letter. `field` is the path of the offending value, e.g. `sites[1].level` in YAML/JSON or the
 * column name `level` in CSV and XLSX.
 */
export interface RegistryProblem {
  line?: number;
  row?: number;
  column?: string;
  field?: string;
  message: string;
}

/** A sites file that cannot be imported; carries every problem found, not just the first. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly problems: RegistryProblem[];

  constructor(problems: RegistryProblem[], source?: string) {
    super(formatProblems(problems, source));
    this.problems = problems;
  }
}

function formatProblems(problems: RegistryProblem[], source: string | undefined): string {
  const file = source === undefined ? '站点清单' : `站点清单 ${source} `;
  const heading = `${file}有 ${problems.length} 个问题，未导入任何站点：`;
  return [heading, ...problems.map((problem) => `  ${describeProblem(problem)}`)].join('\n');
}

/**
 * `第 7 行（sites[1].level）：…` for YAML/JSON; `第 3 行 E 列（level）：…` for a CSV or XLSX cell,
 * `第 1 行（fullName 列）：…` for a column.
 */
export function describeProblem(problem: RegistryProblem): string {
  if (problem.column !== undefined && problem.row !== undefined) {
    const field = problem.field === undefined ? '' : `（${problem.field}）`;
    return `第 ${problem.row} 行 ${problem.column} 列${field}：${problem.message}`;
  }
  const place = problem.line ?? problem.row;
  const field =
    problem.field === undefined ? '' : problem.row !== undefined ? `${problem.field} 列` : problem.field;
  if (place === undefined) return field === '' ? problem.message : `${field}：${problem.message}`;
  return field === ''
    ? `第 ${place} 行：${problem.message}`
    : `第 ${place} 行（${field}）：${problem.message}`;
}
