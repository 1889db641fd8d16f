/**
 * The chart renderer process: renders away from the bot's event loop, so a burst of chart
 * requests never delays the acknowledgements Discord wants within 3 seconds. For the bot it also
 * sends the reply with its chart to Discord (see ChartDelivery), so the PNG stays in this process;
 * the bot decides whether it may (DeliveryOrder), so an interaction is never acknowledged twice.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { ReplyFile } from '../commands/types';
import { userAgent } from '../discord/user-agent';
import { Memo } from '../memo';
import { embedsShowing } from './attach';
import { RENDERERS, type ChartDelivery, type ChartJob, type ChartRequest, type ChartResult, type DeliveryGo, type DeliveryOrder, type SendOrder } from './kinds';

/** An idle renderer holds a few hundred MB of caches: it leaves, and the next chart starts a new one. */
const IDLE_EXIT_MS = 60_000;
const idle = setTimeout(() => process.exit(0), IDLE_EXIT_MS);

const USER_AGENT = userAgent('chart renderer');
/** Discord answers a callback in milliseconds; one that hangs must not hold the renderer. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Rendered charts by kind and options. The same options always draw the same pixels, and the
 * common ones (the /tiers overview, /compare presets, round follower counts) come back often;
 * bounded by their PNG bytes.
 */
const rendered = new Memo<ReplyFile>({ max: 256, maxSize: 16 * 1024 * 1024, sizeOf: (file) => file.data.length });

async function chart({ kind, opts }: ChartRequest): Promise<{ file: ReplyFile; cached: boolean }> {
  const render = await RENDERERS[kind]();
  const key = `${kind}:${JSON.stringify(opts)}`;
  const known = rendered.peek(key);
  return known ? { file: known, cached: true } : { file: rendered.get(key, () => render(opts as never)), cached: false };
}

/**
 * Sends the message with the chart as Discord's multipart (`payload_json` and `files[0]`). A 429
 * is waited out and tried again while the caller still waits; any other answer is returned.
 */
async function send(url: string, method: 'POST' | 'PATCH', json: unknown, file: ReplyFile, deadline: number): Promise<Response> {
  for (;;) {
    const form = new FormData();
    form.append('payload_json', JSON.stringify(json));
    form.append('files[0]', new Blob([file.data], { type: 'image/png' }), file.name);
    const response = await fetch(url, { method, body: form, headers: { 'User-Agent': USER_AGENT }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (response.status !== 429) return response;
    const { retry_after: retryAfter } = (await response.json().catch(() => ({}))) as { retry_after?: number };
    const waitMs = typeof retryAfter === 'number' && retryAfter >= 0 ? retryAfter * 1000 : Infinity;
    if (Date.now() + waitMs > deadline) return response;
    await sleep(waitMs);
  }
}

/** Sends the reply with its chart, as the first response or as an edit of the deferred one. */
async function deliver({ body, callbackUrl, callbackType, callbackUntil, originalUrl }: ChartDelivery, file: ReplyFile, go: SendOrder): Promise<boolean> {
  const message: Record<string, unknown> = {
    ...body,
    embeds: embedsShowing((body.embeds ?? []) as never, file.name),
    attachments: [{ id: 0, filename: file.name, ...(file.description ? { description: file.description } : {}) }],
  };
  if (go === 'callback') return (await send(callbackUrl, 'POST', { type: callbackType, data: message }, file, callbackUntil)).ok;
  // An edit cannot change who sees the message, so it carries no flags.
  const { flags: _flags, ...edit } = message;
  return (await send(originalUrl, 'PATCH', edit, file, Date.now() + REQUEST_TIMEOUT_MS)).ok;
}

/** Deliveries whose chart is drawn, waiting for the bot's word. */
const orders = new Map<number, (go: DeliveryOrder) => void>();

/** The bot's order for a drawn chart; a bot that never says (it went away) means drop. */
function orderFor(id: number): Promise<DeliveryOrder> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => settle('drop'), REQUEST_TIMEOUT_MS);
    const settle = (go: DeliveryOrder) => {
      clearTimeout(timer);
      orders.delete(id);
      resolve(go);
    };
    orders.set(id, settle);
  });
}

const reply = (result: ChartResult) => {
  process.send?.(result);
  idle.refresh();
};

process.on('message', async (message: ChartJob | DeliveryGo) => {
  idle.refresh();
  if ('go' in message) return orders.get(message.id)?.(message.go);
  const job = message;
  // A job whose caller has already answered in text is not worth rendering any more.
  if (Date.now() > job.deadline) return reply({ id: job.id, skipped: true });
  try {
    const { file, cached } = await chart(job.chart);
    if (!job.delivery) return reply({ id: job.id, cached, file: { name: file.name, data: file.data, description: file.description } });
    const order = orderFor(job.id);
    reply({ id: job.id, cached, ready: true });
    const go = await order;
    if (go !== 'drop') reply({ id: job.id, delivered: await deliver(job.delivery, file, go) });
  } catch (err) {
    reply({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});

// The bot went away (exit, crash, kill): nothing is left to render for.
process.on('disconnect', () => process.exit(0));
