import { createServer } from 'node:net';

/**
 * A loopback port nobody listens on right now, for a Neo4j or an API a test starts: no test
 * has a fixed port, so checkouts testing at the same time never meet. The kernel picks it
 * (listening on port 0) unless TEST_PORT_RANGE (e.g. `37000-37999`) confines tests to ports
 * of their own, as on a machine shared with other developers.
 */
export async function freePort(range = process.env.TEST_PORT_RANGE): Promise<number> {
  if (!range) return listenOnce(0);
  const match = range.match(/^(\d+)-(\d+)$/);
  if (!match) throw new Error(`TEST_PORT_RANGE=${range}: expected two ports such as 37000-37999`);
  const [from, to] = [Number(match[1]), Number(match[2])];
  const offset = Math.floor(Math.random() * (to - from + 1));
  for (let step = 0; step <= to - from; step += 1) {
    const candidate = from + ((offset + step) % (to - from + 1));
    const port = await listenOnce(candidate).catch(() => null);
    if (port !== null) return port;
  }
  throw new Error(`TEST_PORT_RANGE=${range}: every port is taken`);
}

/** Several distinct free ports (a port just released is not handed out twice). */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count && attempt < count * 20; attempt += 1) ports.add(await freePort());
  if (ports.size < count) throw new Error(`could not find ${count} distinct free ports`);
  return [...ports];
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => resolve(bound));
    });
  });
}
