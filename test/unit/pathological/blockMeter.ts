// Counts the JavaScript work done by a function, in deterministic units: V8's precise block coverage.
//
// Why coverage: with `detailed: true`, V8 keeps an exact execution counter for every function and every block
// (loop bodies, branches) of every script, ours and our dependencies' (remark, micromark, yaml). The sum of those
// counters over one call is a deterministic measure of the JavaScript it ran: it grows linearly for linear code and
// quadratically for a loop that re-scans. Native work (regex engines, string builtins) is not in it; the regex VM
// (workMeter.ts) measures the regex part.
import * as inspector from 'node:inspector';

let session: inspector.Session | undefined;

function post(method: string, params?: object): unknown {
  let out: unknown;
  let failure: Error | null = null;
  // In-thread inspector sessions answer synchronously.
  session!.post(method, params ?? {}, (err, result) => {
    failure = err;
    out = result;
  });
  if (failure) throw failure;
  return out;
}

interface Coverage {
  result: { functions: { ranges: { count: number }[] }[] }[];
}

/** Runs `fn` and returns its result with the number of JavaScript blocks it executed (calls included). */
export function meterBlocks<T>(fn: () => T): { result: T; blocks: number } {
  if (!session) {
    session = new inspector.Session();
    session.connect();
    post('Profiler.enable');
    post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  }
  // Taking coverage resets the counters: what the next take returns is what ran in between, i.e. only `fn`.
  post('Profiler.takePreciseCoverage');
  const result = fn();
  const coverage = post('Profiler.takePreciseCoverage') as Coverage;
  let blocks = 0;
  for (const script of coverage.result) for (const f of script.functions) for (const r of f.ranges) blocks += r.count;
  return { result, blocks };
}

/** Stops block counting (it slows every function down while on). */
export function stopBlockMeter(): void {
  if (!session) return;
  post('Profiler.stopPreciseCoverage');
  post('Profiler.disable');
  session.disconnect();
  session = undefined;
}
