import { describe, expect, test } from 'vitest';
import { Semaphore } from '../../../src/db/semaphore.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('semaphore', () => {
  test('at most `size` holders at once; the others wait in arrival order', async () => {
    const slots = new Semaphore(2);
    let holding = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        slots.use(async () => {
          started.push(index);
          holding += 1;
          most = Math.max(most, holding);
          await tick();
          holding -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a failing holder frees its place', async () => {
    const slots = new Semaphore(1);
    await expect(slots.use(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.use(async () => 'next')).resolves.toBe('next');
  });
});
