import { readFileSync } from 'node:fs';

/**
 * Whether a process of this machine still runs. Signal 0 checks without sending anything;
 * EPERM means it runs under another user, which still counts. A zombie (ended, not yet reaped:
 * some init processes never reap) answers signal 0 too but runs no more; Linux tells it apart.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (command) state ..."; the command may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
