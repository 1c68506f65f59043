import { annualReport } from './annual-report.ts';
import { archiveLabel } from './archive-label.ts';
import { brokenLinks } from './broken-links.ts';
import type { Check } from './check.ts';
import { gazetteColumn } from './gazette-column.ts';
import { headerFullName } from './header-full-name.ts';

/** Every rule of contract §4, in the contract's order: results and reports list them this way. */
export const CHECKS: readonly Check[] = [
  headerFullName,
  gazetteColumn,
  archiveLabel,
  annualReport,
  brokenLinks,
];
