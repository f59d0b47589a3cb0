import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/runtime/runtime-settings.ts';
import { freePort } from '../integration/helpers/free-port.ts';

/**
 * The API as `npm start` runs it (src/cli/serve.ts → startServer), in a process of its own:
 * a crash shows as an exit, the load generator does not share its event loop, and a request
 * that wedges it cannot outlive the test (dispose kills it). Its heap is capped so that a
 * runaway request cannot take the shared machine's memory.
 */
export interface ApiProcess {
  url: string;
  pid: number;
  /** Exit code or signal once it has exited; null while it runs. */
  exited(): string | null;
  output(): string;
  dispose(): Promise<void>;
}

export async function startApiProcess(neo4j: { boltUrl: string; password: string }): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=1024', '--import', 'tsx', 'src/cli/serve.ts'],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEO4J_URI: neo4j.boltUrl,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: 'neo4j',
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'test',
        // Unexpected errors only, with their stack: what a failed assertion needs to be explained.
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let exit: string | null = null;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? `exit ${code}`;
      resolve();
    }),
  );
  const deadline = Date.now() + 60_000;
  while (!output.includes('GraphQL API on')) {
    if (exit !== null || Date.now() > deadline)
      throw new Error(`the API did not start (${exit ?? 'timeout'}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    exited: () => exit,
    output: () => output,
    async dispose() {
      if (exit === null) child.kill('SIGKILL');
      await exitedPromise;
    },
  };
}
