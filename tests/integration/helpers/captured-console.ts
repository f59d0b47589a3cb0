import { format } from 'node:util';
import { vi } from 'vitest';

/**
 * Runs `action` with what it writes through `console` kept in a list rather than printed: for
 * code under test that logs an error the test expects (and then asserts on). A stack trace in
 * the test output would otherwise read like a failure.
 */
export async function capturingConsole<T>(action: () => Promise<T>): Promise<{ result: T; logged: string }> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(format(...args));
  const spies = (['error', 'warn', 'info', 'log', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(keep),
  );
  try {
    return { result: await action(), logged: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
