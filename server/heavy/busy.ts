import type { Context } from 'hono';
import { problem } from '../http/problem.ts';
import { HeavyQueueFull } from './queue.ts';

/** 503 with Retry-After when a heavy-work queue is full (`what`: "exports", "imports"…), else null. */
export function busyProblem(c: Context, err: unknown, what: string): Response | null {
  if (!(err instanceof HeavyQueueFull)) return null;
  c.header('Retry-After', String(err.retryAfterSeconds));
  return problem(c, 503, `Busy with other ${what}`, { detail: `Other ${what} are being processed; try again in ${err.retryAfterSeconds} s.` });
}
