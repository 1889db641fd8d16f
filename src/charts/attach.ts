/** How a chart sits in a reply: as an attachment, shown inside the first embed. */

import type { APIEmbed } from 'discord-api-types/v10';
import type { ChartFile } from './kinds';

/** The embeds with the first one showing the attachment `name`. */
export function embedsShowing(embeds: readonly APIEmbed[], name: string): APIEmbed[] {
  const [first, ...rest] = embeds;
  return first ? [{ ...first, image: { url: `attachment://${name}` } }, ...rest] : [];
}

/** A reply's embeds and files: the commands' Reply fits it, without charts importing the commands. */
export interface MessageWithFiles {
  embeds: APIEmbed[];
  files?: ChartFile[];
}

/** Attaches a chart and shows it inside the first embed; without one (or without an embed) the reply stays as it is. */
export function withChart<M extends MessageWithFiles>(reply: M, chart: ChartFile | undefined): M {
  if (!chart || reply.embeds.length === 0) return reply;
  return { ...reply, embeds: embedsShowing(reply.embeds, chart.name), files: [...(reply.files ?? []), chart] };
}
