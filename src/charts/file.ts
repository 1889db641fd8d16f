/** A drawn chart: a PNG to attach, with its alt text. Each chart module returns one. */
export interface ChartFile {
  name: string;
  data: Buffer;
  /** Alt text: what the chart shows, for screen readers (Discord allows 1,024 characters). */
  description: string;
}
