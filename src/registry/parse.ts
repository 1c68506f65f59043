import { readCsvSites } from './parse-csv.ts';
import { readJsonSites } from './parse-json.ts';
import { type ReadResult, readYamlSites } from './parse-yaml.ts';
import { RegistryError, type RegistryProblem } from './registry-error.ts';
import type { Site } from './site.ts';
import { SITE_FIELDS } from './site-fields.ts';
import { validateSites } from './validate.ts';

/** The sites file formats that are text; XLSX, a zip, is read by `parseSitesFile`. */
export type TextRegistryFormat = 'yaml' | 'json' | 'csv';

/**
 * Parses and validates a sites file (contract §1). All or nothing: throws a `RegistryError` carrying
 * every problem found, each with its line (YAML, JSON) or spreadsheet row and column (CSV).
 */
export function parseSites(text: string, format: TextRegistryFormat): Site[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new RegistryError([{ message: '文件是空的，没有任何站点' }]);
  let read: ReadResult;
  let alreadyReported = new Set<string>();
  switch (format) {
    case 'yaml':
      read = readYamlSites(body, 'YAML');
      break;
    case 'json':
      read = readJsonSites(body);
      break;
    case 'csv': {
      const csv = readCsvSites(body);
      read = csv;
      alreadyReported = csv.missingColumns;
      break;
    }
    default:
      throw new Error(`Unknown registry format: ${String(format)}`);
  }
  return validated(read, alreadyReported);
}

/** Validates what a reader read; throws every problem of both, in file order. */
export function validated(read: ReadResult, alreadyReported: ReadonlySet<string> = new Set()): Site[] {
  const { sites, problems } = validateSites(read.raws);
  const fieldProblems = problems.filter((problem) => !alreadyReported.has(problem.field ?? ''));
  const all = [...read.problems, ...fieldProblems].sort(
    (a, b) => placeOf(a) - placeOf(b) || fieldRank(a) - fieldRank(b),
  );
  if (all.length > 0) throw new RegistryError(all);
  return sites;
}

function placeOf(problem: RegistryProblem): number {
  return problem.line ?? problem.row ?? 0;
}

/** Problems on one spreadsheet row follow the column order of contract §1 (unknown names first). */
function fieldRank(problem: RegistryProblem): number {
  const name = problem.field?.split('.').at(-1) ?? '';
  return (SITE_FIELDS as readonly string[]).indexOf(name);
}
