// Entry point of the static solver: compile the instance, search, print the best plan.
import { searchPlan } from './lns.ts';
import { compileInstance, type InstanceSpec } from './model.ts';
import { type SolutionJson, toSolutionJson } from './solution.ts';

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget in milliseconds (the search is anytime). */
  timeLimitMs?: number;
  /** Iteration budget; with it alone the result depends on the seed only. */
  maxIterations?: number;
}

export interface SolveResult {
  solution: SolutionJson;
  iterations: number;
  elapsedMs: number;
}

/** Solves a static dial-a-ride instance. Without any budget, runs 1,000 iterations. */
export function solveDarp(spec: InstanceSpec, options: SolveOptions = {}): SolveResult {
  const inst = compileInstance(spec);
  const noBudget = options.timeLimitMs === undefined && options.maxIterations === undefined;
  const result = searchPlan(inst, {
    seed: options.seed ?? 1,
    timeLimitMs: options.timeLimitMs,
    maxIterations: noBudget ? 1000 : options.maxIterations,
  });
  return {
    solution: toSolutionJson(inst, result.plan),
    iterations: result.iterations,
    elapsedMs: result.elapsedMs,
  };
}
