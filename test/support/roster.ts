/** /roster as its tests run it: a file uploaded, every reply checked against Discord's limits, and the roster-tiers.csv sent back. */

import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { messageProblems } from '../../src/commands/limits';
import { roster } from '../../src/commands/roster';
import type { Attachment, Reply } from '../../src/commands/types';
import { ADDED_COLUMNS, ROSTER_FILE } from '../../src/domain/roster';
import { DELIMITERS } from '../../src/domain/roster/records';
import type { TeamStore } from '../../src/store/types';
import { testComponentContext, testContext } from './context';

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Where the uploaded roster is downloaded from. */
export const URL_OF = 'https://cdn.discordapp.com/attachments/1/2/team.csv';

/** How the file is uploaded and where /roster runs: the column options as a user types them, the rest as Discord sends them. */
export interface RosterRun {
  name_column?: string;
  count_column?: string;
  /** The uploaded file's name: team.csv unless given. */
  filename?: string;
  /** The size Discord says the upload has: its length in bytes unless given. */
  size?: number;
  guildId?: string;
  store?: TeamStore;
}

/** /roster on `input` (text is uploaded as UTF-8), checked against Discord's limits. */
export async function runRoster(input: string | Uint8Array, options: RosterRun = {}): Promise<Reply> {
  const { filename = 'team.csv', size, guildId, store, ...columns } = options;
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const file: Attachment = { id: '900', filename, url: URL_OF, size: size ?? bytes.length, contentType: 'text/csv' };
  const reply = await roster.run({ file, ...columns } as never, testContext({ files: { [URL_OF]: bytes }, guildId, store }));
  expect(messageProblems(reply)).toEqual([]);
  return reply;
}

/** The roster-tiers.csv sent back: as text (byte order mark and all), as bytes, and as records read in its delimiter. */
export function returnedCsv(reply: Reply): { text: string; bytes: Uint8Array; records: string[][] } {
  const file = reply.files?.find((f) => f.name === ROSTER_FILE);
  if (!file) throw new Error(`no ${ROSTER_FILE}: ${JSON.stringify(reply.embeds)}`);
  const text = file.data.toString('utf8');
  // The added columns end the header row in the file's delimiter, whatever stands above it.
  const delimiter = DELIMITERS.find((d) => text.includes(d + ADDED_COLUMNS.join(d)));
  if (!delimiter) throw new Error(`no header row ending with ${ADDED_COLUMNS.join(', ')} in ${ROSTER_FILE}`);
  return { text, bytes: new Uint8Array(file.data), records: parse(text.replace(/^\uFEFF/, ''), { delimiter }) as string[][] };
}

/** The "Summary by platform" reply to the button on `reply`, reading back the roster-tiers.csv sent with it, checked against Discord's limits. */
export async function summaryOf(reply: Reply): Promise<Reply> {
  const button = reply.components?.[0]?.components[0];
  if (!button || !('custom_id' in button)) throw new Error('no Summary by platform button');
  const { bytes } = returnedCsv(reply);
  const url = `https://cdn.discordapp.com/attachments/9/9/${ROSTER_FILE}`;
  const context = testComponentContext({ files: { [url]: bytes }, attachments: [{ id: '5', filename: ROSTER_FILE, url, size: bytes.length }] });
  const answer = await roster.component!(button.custom_id, [], context);
  expect(messageProblems(answer.reply)).toEqual([]);
  return answer.reply;
}
