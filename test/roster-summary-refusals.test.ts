/**
 * Summary by platform when it cannot read the roster back: a button from a reply Tierbot no longer
 * understands, a message whose roster-tiers.csv is gone, too large, or not downloadable. Each
 * answers the presser alone, says what went wrong and what to do, within Discord's limits.
 */

import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../src/commands/limits';
import { roster } from '../src/commands/roster';
import type { Attachment, Reply } from '../src/commands/types';
import { MAX_TAGGED_BYTES, ROSTER_FILE } from '../src/domain/roster';
import { testComponentContext } from './support/context';
import { returnedCsv, runRoster, utf8 } from './support/roster';

const SHEET = 'name,platform,followers\nAna,Instagram,12000\nBo,TikTok,250000\n';
const URL = `https://cdn.discordapp.com/attachments/9/9/${ROSTER_FILE}`;

async function summaryButton(): Promise<{ id: string; bytes: Uint8Array }> {
  const reply = await runRoster(utf8(SHEET));
  const button = reply.components?.[0]?.components[0];
  if (!button || !('custom_id' in button)) throw new Error('no Summary by platform button');
  return { id: button.custom_id, bytes: returnedCsv(reply).bytes };
}

async function press(id: string, attachments: Attachment[], files: Record<string, Uint8Array> = {}): Promise<Reply> {
  const answer = await roster.component!(id, [], testComponentContext({ attachments, files }));
  expect(answer.mode).toBe('reply');
  expect(messageProblems(answer.reply)).toEqual([]);
  return answer.reply;
}

function expectRefusal(reply: Reply, said: string): void {
  expect(reply.inputError).toBe(true);
  expect(reply.flags).toBe(MessageFlags.Ephemeral);
  expect(reply.embeds[0]!.title).toBe('No summary');
  const text = reply.embeds[0]!.description ?? '';
  expect(text).toContain(said);
  expect(text).toContain('press Summary by platform on a /roster reply that still has its roster-tiers.csv, or run /roster again.');
}

describe('Summary by platform when the roster cannot be read back', () => {
  it('says a button it no longer understands is out of date', async () => {
    const { bytes } = await summaryButton();
    const attached = [{ id: '5', filename: ROSTER_FILE, url: URL, size: bytes.length }];
    expectRefusal(await press('roster:platform:zz', attached, { [URL]: bytes }), 'That button is out of date.');
  });

  it('says the file is gone when the message no longer has roster-tiers.csv', async () => {
    const { id } = await summaryButton();
    expectRefusal(await press(id, [{ id: '5', filename: 'other.csv', url: URL, size: 10 }]), `The ${ROSTER_FILE} this button reads is no longer attached to the message.`);
  });

  it('says the file is too large to read back, without downloading it', async () => {
    const { id } = await summaryButton();
    expectRefusal(await press(id, [{ id: '5', filename: ROSTER_FILE, url: URL, size: MAX_TAGGED_BYTES + 1 }]), `The attached ${ROSTER_FILE} is too large to read back.`);
  });

  it('says the file could not be downloaded when Discord does not give it', async () => {
    const { id, bytes } = await summaryButton();
    expectRefusal(await press(id, [{ id: '5', filename: ROSTER_FILE, url: URL, size: bytes.length }], {}), `The attached ${ROSTER_FILE} could not be downloaded from Discord.`);
  });

  it('answers the same button with the summary while the file is there', async () => {
    const { id, bytes } = await summaryButton();
    const reply = await press(id, [{ id: '5', filename: ROSTER_FILE, url: URL, size: bytes.length }], { [URL]: bytes });
    expect(reply.inputError).toBeUndefined();
    expect(reply.embeds[0]!.title).toBe('Roster by platform: 2 creators');
  });
});
