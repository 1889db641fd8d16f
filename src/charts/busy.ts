/**
 * Whether this process is under a burst: its event loop was busy for more than half of the last
 * moment. A chart costs the renderer about 60 ms of CPU on the same cores the answers need, so
 * during a burst replies go out as text and every user is answered sooner. Half is far above a
 * steady stream of users (an answer takes about a millisecond: 100 a second keep it a tenth busy)
 * and is reached well before the bot falls behind: the rest of the time it waits on the network.
 */

import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface BusyGaugeOptions {
  /** How long a moment is: the share of busy time is measured over windows this long. */
  windowMs?: number;
  /** Busy above this share of the window. */
  busyAbove?: number;
  /** Node's event-loop utilisation; tests pass their own. */
  utilization?: (since?: EventLoopUtilization) => EventLoopUtilization;
  now?: () => number;
}

export interface BusyGauge {
  /** True while the last whole window was busier than `busyAbove`; false at the first reading. */
  busy(): boolean;
}

export function busyGauge({
  windowMs = 250,
  busyAbove = 0.5,
  utilization = (since) => performance.eventLoopUtilization(since),
  now = () => performance.now(),
}: BusyGaugeOptions = {}): BusyGauge {
  // Read on demand, not on a timer: an idle bot does no work for this. The first reading only
  // starts the count, so loading the modules that asked is not taken for a burst.
  let mark: EventLoopUtilization | undefined;
  let markedAt = 0;
  let wasBusy = false;
  return {
    busy() {
      const t = now();
      if (!mark) {
        mark = utilization();
        markedAt = t;
      } else if (t - markedAt >= windowMs) {
        // Since the last reading: after a quiet hour that is the hour, and the bot is not busy.
        wasBusy = utilization(mark).utilization > busyAbove;
        mark = utilization();
        markedAt = t;
      }
      return wasBusy;
    },
  };
}
