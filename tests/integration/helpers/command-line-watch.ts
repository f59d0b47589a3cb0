import { spawn } from 'node:child_process';

/**
 * Watches every process's command line (/proc/<pid>/cmdline, what `ps` shows) for a string,
 * from a separate process: the runtime launches Java with spawnSync, which blocks this one.
 * The string travels over stdin, never on the watcher's own command line. It stops when
 * told, or by itself after `maxMs`.
 */
const WATCHER = `
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
const lines = createInterface({ input: process.stdin });
let needle = null;
let samples = 0;
const sightings = new Map();
const finish = () => { process.stdout.write(JSON.stringify({ samples, sightings: [...sightings.values()] }) + '\\n'); process.exit(0); };
const sample = () => {
  samples += 1;
  for (const pid of readdirSync('/proc')) {
    if (!/^\\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let commandLine;
    try { commandLine = readFileSync('/proc/' + pid + '/cmdline', 'utf8').replaceAll('\\0', ' '); } catch { continue; }
    if (commandLine.includes(needle)) sightings.set(pid, { pid: Number(pid), commandLine: commandLine.slice(0, 400) });
  }
};
lines.on('line', (line) => {
  if (needle !== null) return finish();
  needle = line;
  setInterval(sample, 20);
  setTimeout(finish, Number(process.argv[1]));
  sample();
  process.stdout.write('watching\\n');
});
`;

export interface CommandLineWatch {
  /** Stops watching; the processes seen with the string on their command line, and how many times it looked. */
  stop(): Promise<{ samples: number; sightings: { pid: number; commandLine: string }[] }>;
}

export async function watchCommandLines(needle: string, maxMs = 300_000): Promise<CommandLineWatch> {
  const watcher = spawn(process.execPath, ['--input-type=module', '-e', WATCHER, String(maxMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // It may already have stopped by itself when told to stop.
  watcher.stdin.on('error', () => {});
  let output = '';
  watcher.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => watcher.once('exit', () => resolve()));
  watcher.stdin.write(`${needle}\n`);
  const deadline = Date.now() + 10_000;
  while (!output.startsWith('watching\n')) {
    if (Date.now() > deadline) throw new Error('the command-line watcher did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    async stop() {
      watcher.stdin.end('stop\n');
      await exited;
      return JSON.parse(output.slice('watching\n'.length));
    },
  };
}
