// Counts the regular-expression work done by a function, in deterministic steps (see regexVm.ts).
//
// While `meterWork` runs, RegExp.prototype.exec is replaced. Every regex use goes through it (test, replace, match,
// matchAll, split and search all call `exec` by the spec once it is replaced), so each execution is first replayed on
// the step-counting VM, then run for real. The VM's match position is checked against V8's, so a VM bug cannot hide
// work. When the steps pass the cap, the VM stops and `meterWork` throws, naming the costliest pattern: a
// super-linear regex fails the test at once instead of running for minutes.
import { compileRegex, search, StepBudgetExceeded, type Meter, type Program } from './regexVm';

const nativeExec = RegExp.prototype.exec;

export interface PatternWork {
  readonly pattern: string;
  steps: number;
  calls: number;
}

export interface WorkReport {
  /** VM steps of every regex execution. */
  readonly steps: number;
  /** The patterns by steps, costliest first. */
  readonly patterns: readonly PatternWork[];
}

export class WorkBudgetExceeded extends Error {
  constructor(
    message: string,
    readonly report: WorkReport,
  ) {
    super(message);
  }
}

// Why a cache: the same few patterns run thousands of times; compile each source+flags once.
const programs = new Map<string, Program>();

function programFor(re: RegExp): Program {
  const key = `${re.flags}/${re.source}`;
  let p = programs.get(key);
  if (!p) {
    p = compileRegex(re.source, re.flags, (src, flags) => {
      const native = new RegExp(src, flags);
      return (s) => nativeExec.call(native, s) !== null;
    });
    programs.set(key, p);
  }
  return p;
}

/** Runs `fn` counting its regex steps; throws WorkBudgetExceeded when they pass `cap`. Returns fn's result and the report. */
export function meterWork<T>(fn: () => T, cap: number): { result: T; report: WorkReport } {
  const meter: Meter = { steps: 0, cap };
  const byPattern = new Map<string, PatternWork>();
  let inside = 0;
  let costly: PatternWork | undefined;
  const report = (): WorkReport => ({ steps: meter.steps, patterns: [...byPattern.values()].sort((a, b) => b.steps - a.steps) });
  function meteredExec(this: RegExp, input: string): RegExpExecArray | null {
    if (inside > 0) return nativeExec.call(this, input);
    inside++;
    try {
      const s = String(input);
      const prog = programFor(this);
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const name = `/${this.source}/${this.flags}`;
      let w = byPattern.get(name);
      if (!w) byPattern.set(name, (w = { pattern: name, steps: 0, calls: 0 }));
      w.calls++;
      const before = meter.steps;
      let at: number;
      try {
        at = from > s.length ? -1 : search(prog, s, from, meter);
      } catch (e) {
        costly ??= w;
        throw e;
      } finally {
        w.steps += meter.steps - before;
      }
      const real = nativeExec.call(this, s);
      if ((real?.index ?? -1) !== at) throw new Error(`work meter disagrees with V8 on ${name} (VM ${at}, V8 ${real?.index ?? -1})`);
      return real;
    } finally {
      inside--;
    }
  }
  const exceeded = (): WorkBudgetExceeded => {
    const r = report();
    const top = r.patterns.slice(0, 3).map((p) => `${p.pattern} (${p.steps} steps in ${p.calls} calls)`).join(', ');
    return new WorkBudgetExceeded(`over the budget of ${cap} regex steps, first passed by ${costly?.pattern}; costliest: ${top}`, r);
  };
  RegExp.prototype.exec = meteredExec;
  try {
    const result = fn();
    // The code under test may catch the VM's exception (parseStory and the rule guard do): the cap still counts.
    if (costly) throw exceeded();
    return { result, report: report() };
  } catch (e) {
    if (e instanceof StepBudgetExceeded) throw exceeded();
    throw e;
  } finally {
    RegExp.prototype.exec = nativeExec;
  }
}
