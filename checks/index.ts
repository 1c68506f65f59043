import { annualReport } from './annual-report.ts';
import { archiveLabel } from './archive-label.ts';
import { blankColumns } from './blank-columns.ts';
import { brokenLinks } from './broken-links.ts';
import type { Check } from './check.ts';
import { columnDomain } from './column-domain.ts';
import { contentFreshness } from './content-freshness.ts';
import { errorReportEntry } from './error-report-entry.ts';
import { footerIdentifiers } from './footer-identifiers.ts';
import { futureDates } from './future-dates.ts';
import { gazetteColumn } from './gazette-column.ts';
import { headerFullName } from './header-full-name.ts';
import { hiddenLinks } from './hidden-links.ts';
import { homepageAvailability } from './homepage-availability.ts';
import { httpsSecurity } from './https-security.ts';
import { interactionResponse } from './interaction-response.ts';
import { longUnupdatedColumns } from './long-unupdated-columns.ts';
import { siteDomain } from './site-domain.ts';
import { siteFunctions } from './site-functions.ts';
import { wordingErrors } from './wording-errors.ts';

/**
 * Every rule of contract §4, in the contract's order: results and reports list them this way. The first
 * five are the contract's original rules; the rules added after them (issue 5) follow, then those of
 * issue 12.
 */
export const CHECKS: readonly Check[] = [
  headerFullName,
  gazetteColumn,
  archiveLabel,
  annualReport,
  brokenLinks,
  footerIdentifiers,
  errorReportEntry,
  siteFunctions,
  columnDomain,
  siteDomain,
  contentFreshness,
  homepageAvailability,
  httpsSecurity,
  wordingErrors,
  futureDates,
  hiddenLinks,
  interactionResponse,
  blankColumns,
  longUnupdatedColumns,
];
