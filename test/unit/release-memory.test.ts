/** scripts/release-memory.mjs: when the running app collects its garbage after work (issue 13). */
import { EventEmitter } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CHECK_MS,
  fullGarbageCollection,
  MAX_EXTRA,
  MIN_INTERVAL_MS,
  QUIET_MS,
  releaseMemoryWhenIdle,
  shouldRelease,
} from "../../scripts/release-memory.mjs";

const idleSince = (lastActivityAt: number, lastReleaseAt: number | null = null) => ({
  inFlight: 0,
  lastActivityAt,
  activitySinceRelease: true,
  lastReleaseAt,
});

describe("shouldRelease", () => {
  it("collects once the process has been quiet for QUIET_MS after work", () => {
    expect(shouldRelease(idleSince(0), false, QUIET_MS - 1)).toBe(false);
    expect(shouldRelease(idleSince(0), false, QUIET_MS)).toBe(true);
  });

  it("not while a request is in flight or background work runs", () => {
    expect(shouldRelease({ ...idleSince(0), inFlight: 1 }, false, 10 * QUIET_MS)).toBe(false);
    expect(shouldRelease(idleSince(0), true, 10 * QUIET_MS)).toBe(false);
  });

  it("not again without new work, and at most once per MIN_INTERVAL_MS", () => {
    expect(shouldRelease({ ...idleSince(0), activitySinceRelease: false }, false, 10 * MIN_INTERVAL_MS)).toBe(false);
    expect(shouldRelease(idleSince(0, 1_000), false, 1_000 + MIN_INTERVAL_MS - 1)).toBe(false);
    expect(shouldRelease(idleSince(0, 1_000), false, 1_000 + MIN_INTERVAL_MS)).toBe(true);
  });
});

describe("releaseMemoryWhenIdle", () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += CHECK_MS) {
      clock += CHECK_MS;
      vi.advanceTimersByTime(CHECK_MS);
    }
  };
  const request = (server: EventEmitter) => {
    const res = new EventEmitter();
    server.emit("request", {}, res);
    return () => res.emit("close");
  };

  it("collects after the start's work and after a burst of requests, never during them, not while idle", () => {
    const server = new EventEmitter();
    let busy = true; // the first deadline scan
    const collect = vi.fn();
    // Whether the young generation has shrunk after each collection: after the second of the first and the last release.
    const shrinks = [false, true, false, false, true];
    const shrunk = () => shrinks.shift() ?? true;
    const release = releaseMemoryWhenIdle({ server, busy: () => busy, collect, now: () => clock, shrunk });

    advance(60_000);
    expect(collect).not.toHaveBeenCalled();
    busy = false;
    advance(QUIET_MS - CHECK_MS);
    expect(collect).not.toHaveBeenCalled();
    advance(CHECK_MS);
    expect(collect).toHaveBeenCalledTimes(1);
    advance(CHECK_MS); // the second collection, still idle (shrinks the young generation)
    expect(collect).toHaveBeenCalledTimes(2);

    advance(10 * MIN_INTERVAL_MS); // idle: nothing to give back again
    expect(collect).toHaveBeenCalledTimes(2);

    const end = request(server); // a long request: no collection while it is in flight
    advance(2 * MIN_INTERVAL_MS);
    expect(collect).toHaveBeenCalledTimes(2);
    end();
    advance(QUIET_MS);
    expect(collect).toHaveBeenCalledTimes(3);
    request(server)(); // a request right after the first collection: no second one now ...
    advance(CHECK_MS);
    expect(collect).toHaveBeenCalledTimes(3);
    advance(MIN_INTERVAL_MS); // ... but a release of its own (both collections) a minute after the first
    expect(collect).toHaveBeenCalledTimes(5);

    release.stop();
    request(server)();
    advance(10 * MIN_INTERVAL_MS);
    expect(collect).toHaveBeenCalledTimes(5);
  });
});

describe("releaseMemoryWhenIdle and the young generation", () => {
  afterEach(() => vi.useRealTimers());

  it("collects once when that shrank it, and at most MAX_EXTRA times more while it does not shrink", () => {
    vi.useFakeTimers();
    let clock = 0;
    for (const [young, expected] of [
      [true, 1],
      [false, 2 + MAX_EXTRA],
    ] as const) {
      const server = new EventEmitter();
      const collect = vi.fn();
      const release = releaseMemoryWhenIdle({
        server,
        busy: () => false,
        collect,
        now: () => clock,
        shrunk: () => young,
      });
      for (let i = 0; i < 40; i += 1) {
        clock += CHECK_MS;
        vi.advanceTimersByTime(CHECK_MS);
      }
      expect(collect).toHaveBeenCalledTimes(expected);
      release.stop();
    }
  });
});

describe("fullGarbageCollection", () => {
  it("returns Node's collection without making gc a global", () => {
    const collect = fullGarbageCollection();
    expect(typeof collect).toBe("function");
    expect(() => collect!()).not.toThrow();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
