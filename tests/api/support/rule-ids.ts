/** The rules of contract §4, in order. */
export const RULE_IDS = [
  'header-full-name',
  'gazette-column',
  'archive-label',
  'annual-report',
  'broken-links',
];
