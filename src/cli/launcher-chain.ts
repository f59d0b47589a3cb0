import { execFileSync } from 'node:child_process';
import { isProcessAlive } from '../process-alive.ts';

/**
 * `npm start` and `npm run up` run the API under npm → sh → (tsx →) node. npm forwards
 * SIGTERM and SIGINT to the shell only, and the shell dies without passing them on: the API
 * would outlive npm and keep its port. So the API watches the processes between itself and
 * the npm that launched it, and stops gracefully when one of them ends, as on SIGTERM.
 * Started otherwise (node directly, a container's init, nohup), it watches nothing.
 */

export interface ProcessEntry {
  ppid: number;
  command: string;
}

/** `ps -A -o pid=,ppid=,args=` output (procps and BSD ps alike) as pid → entry. */
export function parseProcessTable(text: string): Map<number, ProcessEntry> {
  const table = new Map<number, ProcessEntry>();
  for (const line of text.split('\n')) {
    const match = line.match(/^\s*(\d+)\s+(\d+)\s?(.*)$/);
    if (match) table.set(Number(match[1]), { ppid: Number(match[2]), command: match[3] ?? '' });
  }
  return table;
}

/** npm names its process `npm run up` / `npm start`; or node runs npm's own script. */
export function isNpmCommand(command: string, npmExecPath?: string): boolean {
  return /^(\S*\/)?npm(\s|$)/.test(command) || (Boolean(npmExecPath) && command.includes(npmExecPath as string));
}

/**
 * The pids from this process's parent up to the launching npm, npm included; empty when no
 * npm is found among the first `maxDepth` ancestors.
 */
export function launcherChain(
  table: Map<number, ProcessEntry>,
  pid: number,
  npmExecPath?: string,
  maxDepth = 8,
): number[] {
  const chain: number[] = [];
  let current = table.get(pid)?.ppid;
  while (current !== undefined && current > 1 && chain.length < maxDepth) {
    const entry = table.get(current);
    if (!entry) return [];
    chain.push(current);
    if (isNpmCommand(entry.command, npmExecPath)) return chain;
    current = entry.ppid;
  }
  return [];
}

/** This process's launcher chain when an npm script started it; empty otherwise (or without ps). */
export function ownLauncherChain(env: NodeJS.ProcessEnv = process.env): number[] {
  if (!env.npm_lifecycle_event) return [];
  try {
    const text = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8', timeout: 5_000 });
    return launcherChain(parseProcessTable(text), process.pid, env.npm_execpath);
  } catch {
    return [];
  }
}

/** Calls `onExit` once, with the first of `pids` found gone; checks every `intervalMs`. */
export function whenAnyExits(pids: readonly number[], onExit: (pid: number) => void, intervalMs = 250): () => void {
  if (pids.length === 0) return () => {};
  const timer = setInterval(() => {
    const gone = pids.find((pid) => !isProcessAlive(pid));
    if (gone === undefined) return;
    clearInterval(timer);
    onExit(gone);
  }, intervalMs);
  // The watch alone must not keep the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
