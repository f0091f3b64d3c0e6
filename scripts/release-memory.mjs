// Memory back to the system once the work is done (issue 13, ADR 0001 addendum "rss-idle-gc").
//
// V8 keeps the heap it grew during a burst of work (the start's deadline scan over a large archive, a run of
// requests) until its own memory reducer shrinks it, which on the 100k archive took 100–120 s after the start.
// A full garbage collection once the process is idle frees that heap at once: the process's resident memory at
// rest is then what it needs, not what the last burst left behind. Two of them, CHECK_MS apart: the first frees the
// old generation; the second, after seconds of almost no allocation since the first, also shrinks the young
// generation (V8 shrinks it at a collection when the allocation rate since the last one was low: 32 MB → 1 MB
// committed, measured with Node 20; the first alone leaves it at 32 MB). When it has not shrunk, once more at each of
// the next checks, at most MAX_EXTRA more, while the process stays idle.
//
// When: no request in flight and none ended for QUIET_MS, no background work running (the first deadline scan
// done, no scan or outbox run in progress), something happened since the last collection (the start counts), and
// at least MIN_INTERVAL_MS since the last one — a trickle of requests costs at most one collection a minute
// (tens of milliseconds of CPU on a 100 MB heap). An idle process is not collected again and again.
//
// Plain Node ESM like start.mjs; the decision is a pure function so that it can be tested without a clock.

import v8 from "node:v8";
import vm from "node:vm";

export const CHECK_MS = 5_000;
export const QUIET_MS = 10_000;
export const MIN_INTERVAL_MS = 60_000;
export const MAX_EXTRA = 3;
const SHRUNK_YOUNG_GENERATION_BYTES = 4 * 1024 * 1024;

/** Whether V8's young generation (new space) is back to a few MB committed. */
export function youngGenerationShrunk() {
  const space = v8.getHeapSpaceStatistics().find((each) => each.space_name === "new_space");
  return !space || space.space_size <= SHRUNK_YOUNG_GENERATION_BYTES;
}

/**
 * Node's full garbage collection without `--expose-gc` on the command line (start.mjs is started as
 * `node scripts/start.mjs`): the flag is set only while one new context is created, so `gc` is neither a global
 * of the app nor of any later context. Null when this Node does not allow it.
 */
export function fullGarbageCollection() {
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc");
    return typeof gc === "function" ? () => gc() : null;
  } catch {
    return null;
  } finally {
    v8.setFlagsFromString("--no-expose-gc");
  }
}

/**
 * Whether to collect now. `state`: inFlight (requests), lastActivityAt (when the last request ended or background
 * work was last seen running), activitySinceRelease, lastReleaseAt (null before the first); `busy`: background
 * work in progress.
 */
export function shouldRelease(state, busy, now, { quietMs = QUIET_MS, minIntervalMs = MIN_INTERVAL_MS } = {}) {
  if (busy || state.inFlight > 0 || !state.activitySinceRelease) return false;
  if (now - state.lastActivityAt < quietMs) return false;
  return state.lastReleaseAt === null || now - state.lastReleaseAt >= minIntervalMs;
}

/**
 * Watches the HTTP server's requests and the app's background work (`busy()`) and runs `collect()` when
 * shouldRelease says so, and once more at the next check if the process stayed idle. Returns stop() for the
 * shutdown.
 */
export function releaseMemoryWhenIdle({
  server,
  busy,
  collect = fullGarbageCollection(),
  now = () => performance.now(),
  checkMs = CHECK_MS,
  shrunk = youngGenerationShrunk,
}) {
  if (!collect) return { stop() {} };
  const state = { inFlight: 0, lastActivityAt: now(), activitySinceRelease: true, lastReleaseAt: null };
  /** Collections still to run after a release's first while idle and the young generation is still large. */
  let pending = 0;
  server.on("request", (req, res) => {
    state.inFlight += 1;
    state.activitySinceRelease = true;
    res.once("close", () => {
      state.inFlight -= 1;
      state.lastActivityAt = now();
    });
  });
  const timer = setInterval(() => {
    const working = busy();
    if (working) {
      state.activitySinceRelease = true;
      state.lastActivityAt = now();
    }
    if (pending > 0) {
      // Only while still idle since the first: a request in between has its own release later.
      if (working || state.inFlight > 0 || state.activitySinceRelease) pending = 0;
      else {
        collect();
        pending = shrunk() ? 0 : pending - 1;
      }
      return;
    }
    if (!shouldRelease(state, working, now())) return;
    collect();
    pending = shrunk() ? 0 : 1 + MAX_EXTRA;
    state.activitySinceRelease = false;
    state.lastReleaseAt = now();
  }, checkMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
