import { describe, expect, it } from 'vitest';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { busyGauge } from '../src/charts/busy';
import { chartRendererUnlessBusy, rendererHasRoom } from '../src/charts/index';

/** A clock and an event loop the test drives: `run(ms, busyShare)` lets time pass. */
function fakeLoop() {
  let t = 0;
  let active = 0;
  const reading = (): EventLoopUtilization => ({ idle: t - active, active, utilization: t === 0 ? 0 : active / t });
  return {
    now: () => t,
    utilization: (since?: EventLoopUtilization): EventLoopUtilization => {
      const r = reading();
      if (!since) return r;
      const idle = r.idle - since.idle;
      const busy = r.active - since.active;
      return { idle, active: busy, utilization: idle + busy === 0 ? 0 : busy / (idle + busy) };
    },
    run(ms: number, busyShare: number) {
      t += ms;
      active += ms * busyShare;
    },
  };
}

describe('busyGauge', () => {
  it('is not busy while the event loop idles, and is once a whole window was mostly busy', () => {
    const loop = fakeLoop();
    const gauge = busyGauge({ windowMs: 250, busyAbove: 0.8, ...loop });
    loop.run(1000, 1);
    expect(gauge.busy()).toBe(false); // the first reading only starts the count (start-up is not a burst)
    loop.run(1000, 0.05);
    expect(gauge.busy()).toBe(false);
    loop.run(300, 0.97);
    expect(gauge.busy()).toBe(true);
    // Within the window the last reading stands.
    loop.run(100, 0);
    expect(gauge.busy()).toBe(true);
    loop.run(300, 0.1);
    expect(gauge.busy()).toBe(false);
  });

  it('counts only the time since its last reading: a burst after a quiet hour is seen one window later', () => {
    const loop = fakeLoop();
    const gauge = busyGauge({ windowMs: 250, busyAbove: 0.8, ...loop });
    gauge.busy();
    loop.run(3_600_000, 0.01);
    loop.run(250, 1);
    expect(gauge.busy()).toBe(false); // the hour, not the burst's first moment
    loop.run(250, 1);
    expect(gauge.busy()).toBe(true);
  });

  it('treats exactly the threshold as not busy', () => {
    const loop = fakeLoop();
    const gauge = busyGauge({ windowMs: 100, busyAbove: 0.5, ...loop });
    gauge.busy();
    loop.run(100, 0.5);
    expect(gauge.busy()).toBe(false);
  });

  it('reads the real event loop by default', async () => {
    const gauge = busyGauge({ windowMs: 20 });
    gauge.busy();
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // a saturated loop: nothing else runs
    }
    expect(gauge.busy()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(gauge.busy()).toBe(false);
  });
});

describe('chartRendererUnlessBusy', () => {
  it('has no room while the process is busy, and otherwise as much as the renderer', () => {
    expect(chartRendererUnlessBusy({ busy: () => true }).hasRoom()).toBe(false);
    expect(chartRendererUnlessBusy({ busy: () => false }).hasRoom()).toBe(rendererHasRoom());
  });
});
