/** How pages print dates is read in one place, shared with the gatherers: `crawlers/printed-date.ts`. */
export { type FoundDate, findDates } from '../../crawlers/printed-date.ts';
