/** Why an appeal or a decision cannot be made; the API answers each with its own status. */
export type AdjudicationProblem =
  | 'unknown-finding'
  | 'not-current'
  | 'evidence-changed'
  | 'not-failing'
  | 'already-appealed'
  | 'already-decided'
  | 'until-past';

/** Refuses an appeal or a decision, in Chinese for the caller; nothing is written. */
export class AdjudicationError extends Error {
  override readonly name = 'AdjudicationError';
  constructor(
    readonly problem: AdjudicationProblem,
    message: string,
    /** The finding concerned, and its place in a request deciding several. */
    readonly findingId: string,
    readonly index?: number,
  ) {
    super(message);
  }
}
