/** A drawn chart: a PNG to attach, with its alt text. Each chart module returns one. */
export interface ChartFile {
  name: string;
  data: Buffer;
  description?: string;
}
