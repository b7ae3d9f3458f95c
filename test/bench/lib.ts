import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Figure {
  label: string;
  value: number;
  unit: string;
  budget?: number;
  /** false for throughputs, where more is better. */
  lowerIsBetter?: boolean;
}

export interface Suite {
  name: string;
  title: string;
  run(): Promise<Figure[]>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Runs `fn` `times` times and returns the median wall time in ms. */
export async function timeMedian(times: number, fn: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  return median(runs);
}

export function benchDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyplan-bench-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A 60 Hz display's frame. */
const VSYNC = 1000 / 60;

/**
 * rAF intervals in whole display frames: an interval of 16.6 or 16.8 ms (timer jitter) is one frame
 * on time, 33.4 ms is one frame dropped. So "p95 <= 16.7 ms" means: 95% of frames were on time.
 */
export function inDisplayFrames(deltas: number[]): number[] {
  return deltas.map((d) => Math.max(1, Math.round(d / VSYNC)) * VSYNC);
}
