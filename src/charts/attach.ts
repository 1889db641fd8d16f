/** How a chart sits in a reply: as an attachment, shown inside the first embed. */

import type { APIEmbed } from 'discord.js';
import type { Reply, ReplyFile } from '../commands/types';

/** The embeds with the first one showing the attachment `name`. */
export function embedsShowing(embeds: readonly APIEmbed[], name: string): APIEmbed[] {
  const [first, ...rest] = embeds;
  return first ? [{ ...first, image: { url: `attachment://${name}` } }, ...rest] : [];
}

/** Attaches a chart and shows it inside the first embed; without one the reply stays text-only. */
export function withChart(reply: Reply, chart: ReplyFile | undefined): Reply {
  if (!chart || reply.embeds.length === 0) return reply;
  return { ...reply, embeds: embedsShowing(reply.embeds, chart.name), files: [...(reply.files ?? []), chart] };
}
