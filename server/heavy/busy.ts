import type { Context } from 'hono';
import { problem } from '../http/problem.ts';
import { HeavyQueueFull } from './queue.ts';

/** 503 with Retry-After when a heavy-work queue is full (`code` names the queue's work), else null. */
export function busyProblem(c: Context, err: unknown, code: 'busyImports' | 'busyExports' | 'busyPages'): Response | null {
  if (!(err instanceof HeavyQueueFull)) return null;
  c.header('Retry-After', String(err.retryAfterSeconds));
  return problem(c, 503, code, { params: { seconds: err.retryAfterSeconds } });
}
