import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compiledFrom } from './helpers/compiled-from.ts';
import { loadConfig } from '../../src/config.ts';
import { browserKitResponse } from '../../src/http/browser-kit.ts';
import { renderNeo4jConf } from '../../src/runtime/neo4j-conf.ts';
import { pinnedNeo4jVersion } from '../../src/runtime/neo4j-distribution.ts';
import { loadRuntimeSettings } from '../../src/runtime/runtime-settings.ts';

/**
 * docker-compose.yml, the Dockerfile and .env.example, checked without a Docker engine:
 * the compose file against the Compose Specification's own JSON Schema, and every command,
 * port and variable against the code that has to agree with it.
 */

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const exists = (path: string): boolean => existsSync(new URL(path, root));

const composeText = read('docker-compose.yml');
const compose = parseYaml(composeText, { merge: true }) as ComposeFile;
const dockerfile = read('Dockerfile');
const envExample = parseEnvFile(read('.env.example'));
const packageJson = JSON.parse(read('package.json')) as {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  engines?: { node?: string };
};

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null>;
  ports?: Array<string | number | { target: number | string; published?: string | number }>;
  volumes?: Array<string | { type: string; source?: string; target: string }>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
}

interface ComposeFile {
  version?: unknown;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1]!, match[2]!);
  }
  return values;
}

interface VariableUse {
  name: string;
  /** `${NAME:-x}` / `${NAME-x}` give a default; `${NAME}`, `${NAME:?msg}` and `$NAME` do not. */
  hasDefault: boolean;
}

/** Compose interpolation: `$$` is a literal `$`; everything else starting with `$` is a variable. */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

function variablesIn(text: string): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const [whole, braced, operator, , bare] of text.matchAll(VARIABLE)) {
    if (whole === '$$') continue;
    uses.push({ name: (braced ?? bare)!, hasDefault: operator === '-' || operator === ':-' });
  }
  return uses;
}

/** The value Compose would give `text` with `env` as the .env file. */
function interpolate(text: string, env: ReadonlyMap<string, string>): string {
  return text.replace(VARIABLE, (whole, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = env.get(name);
    const unset = value === undefined || (operator?.startsWith(':') === true && value === '');
    if (operator?.endsWith('-') && unset) return interpolate(argument ?? '', env);
    if (operator?.endsWith('?') && unset) throw new Error(`${name} is required: ${argument}`);
    return value ?? '';
  });
}

/** Every string of the file, interpolated from .env.example, as Compose hands it to Docker. */
function resolved<T>(value: T): T {
  if (typeof value === 'string') return interpolate(value, envExample) as T;
  if (Array.isArray(value)) return value.map(resolved) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolved(item)])) as T;
  }
  return value;
}

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no "${name}" service`);
  return found;
}

function environmentOf(name: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resolved(service(name).environment ?? {})).map(([key, value]) => [key, String(value ?? '')]),
  );
}

function containerPorts(name: string): number[] {
  return (resolved(service(name).ports) ?? []).map((port) => {
    if (typeof port === 'number') return port;
    if (typeof port === 'object') return Number(port.target);
    return Number(port.split(':').at(-1)!.split('/')[0]);
  });
}

/**
 * The source file an npm script runs: `tsx src/cli/seed.ts` → `src/cli/seed.ts`, and
 * `node dist/cli/serve.js` (compiled) → `src/cli/serve.ts`.
 */
function scriptFile(name: string): string {
  const script = packageJson.scripts?.[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  const source = /^(?:exec\s+)?tsx\s+(\S+\.ts)\b/.exec(script)?.[1];
  if (source) return source;
  const compiled = /^(?:exec\s+)?node\s+(?:--\S+\s+)*(\S+\.js)$/.exec(script)?.[1];
  if (!compiled)
    throw new Error(`package.json's "${name}" script is "${script}", not "tsx <file>.ts" or "node <file>.js"`);
  return compiledFrom(compiled);
}

/** The source file of the compiled one a container command runs: `node [--option ...] dist/<file>.js`. */
function commandFile(command: readonly string[]): string {
  const file = command.at(-1) ?? '';
  const options = command.slice(1, -1);
  if (command[0] !== 'node' || !file.endsWith('.js') || !options.every((option) => option.startsWith('--'))) {
    throw new Error(`${JSON.stringify(command)} is not "node [--option ...] <compiled file>.js": the image has no tsx`);
  }
  return compiledFrom(file);
}

/** Dockerfile instructions of the last stage (line continuations joined, comments dropped). */
function runtimeStage(): Array<{ instruction: string; args: string }> {
  const lines = dockerfile.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const instructions = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, instruction, args] = /^(\S+)\s*(.*)$/.exec(line)!;
      return { instruction: instruction!.toUpperCase(), args: args! };
    });
  const lastFrom = instructions.map((item) => item.instruction).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

describe('docker-compose.yml', () => {
  it('follows the Compose Specification (its JSON Schema, vendored in schema/vendor)', () => {
    const schema = JSON.parse(read('schema/vendor/compose-spec.schema.json')) as { $schema: string };
    const require = createRequire(import.meta.url);
    const draft07 = require('ajv/dist/refs/json-schema-draft-07.json') as Record<string, unknown>;
    // The schema is draft-07 but not written for Ajv's strict mode (union types, keywords
    // without a type); the meta-schema is registered under the spelling the file uses.
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
    // ajv-formats is CommonJS: under NodeNext its default import is module.exports, whose
    // `default` is the plugin.
    ajvFormats.default(ajv);
    ajv.addMetaSchema({ ...draft07, $id: schema.$schema });
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(valid, ajv.errorsText(validate.errors, { dataVar: 'compose' })).toBe(true);
  });

  it('has no version key (obsolete in the Compose Specification)', () => {
    expect(compose).not.toHaveProperty('version');
  });

  it('runs Neo4j 5.26 Community, the line the local runtime pins', () => {
    expect(service('neo4j').image).toBe('neo4j:5.26-community');
    expect(pinnedNeo4jVersion()).toMatch(/^5\.26\./);
    expect(containerPorts('neo4j').sort()).toEqual([7474, 7687]);
  });

  it('gives Neo4j and the api a healthcheck, and lets the seed run to completion', () => {
    const neo4jCheck = JSON.stringify(service('neo4j').healthcheck?.test ?? '');
    expect(neo4jCheck).toContain('cypher-shell');
    expect(neo4jCheck).toContain('RETURN 1');
    expect(service('neo4j').healthcheck?.disable).not.toBe(true);
    const apiCheck = JSON.stringify(service('api').healthcheck?.test ?? '');
    expect(apiCheck).toContain('/readyz');
    expect(service('api').healthcheck?.disable).not.toBe(true);
    expect(service('seed').restart).toBe('no');
  });

  it('starts the seed and the api only once Neo4j is healthy, and the api after the seed', () => {
    expect(service('seed').depends_on).toMatchObject({ neo4j: { condition: 'service_healthy' } });
    expect(service('api').depends_on).toMatchObject({
      neo4j: { condition: 'service_healthy' },
      seed: { condition: 'service_completed_successfully' },
    });
    expect(service('seed').build).toEqual(service('api').build);
    expect(service('seed').image).toBe(service('api').image);
  });

  it('keeps data in named volumes declared at the top level', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const mounts = Object.values(compose.services).flatMap((item) => item.volumes ?? []);
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) {
      const source = typeof mount === 'string' ? mount.split(':')[0]! : (mount.source ?? '');
      expect(declared, `volume source "${source}"`).toContain(source);
    }
    const neo4jTargets = (service('neo4j').volumes ?? []).map((mount) =>
      typeof mount === 'string' ? mount.split(':')[1] : mount.target,
    );
    expect(neo4jTargets).toEqual(expect.arrayContaining(['/data', '/logs']));
  });

  it('defines in .env.example every variable it uses, and a value for each one without a default', () => {
    const uses = variablesIn(composeText);
    expect(uses.length).toBeGreaterThan(0);
    for (const { name, hasDefault } of uses) {
      expect(envExample.has(name), `${name} is missing from .env.example`).toBe(true);
      if (!hasDefault) expect(envExample.get(name), `${name} needs a value in .env.example`).not.toBe('');
    }
    // The healthcheck's $${NEO4J_AUTH...} is the container shell's, not Compose's.
    expect(uses.map((use) => use.name)).not.toContain('NEO4J_AUTH');
  });

  it('gives Neo4j only settings the local runtime writes too, and the password only through NEO4J_AUTH', () => {
    const environment = environmentOf('neo4j');
    expect(environment.NEO4J_AUTH).toBe(`neo4j/${envExample.get('NEO4J_PASSWORD')}`);
    const runtimeConf = renderNeo4jConf(
      loadRuntimeSettings({ BROWSER_KIT_URL: 'http://localhost:4000/browser' }),
      '/lib',
    );
    const runtimeSettings = new Set(runtimeConf.split('\n').map((line) => line.split('=')[0]));
    for (const key of Object.keys(environment).filter((name) => name !== 'NEO4J_AUTH')) {
      // The image's entrypoint turns NEO4J_a_b__c into the setting a.b_c.
      expect(key, 'every other variable of the neo4j service becomes a neo4j.conf setting').toMatch(/^NEO4J_[a-z]/);
      const setting = key.slice('NEO4J_'.length).replace(/_/g, '.').replace(/\.\./g, '_');
      expect(runtimeSettings, `${key} sets ${setting}`).toContain(setting);
    }
  });

  it('wires the Browser kit the api serves, as the local runtime does', () => {
    const environment = environmentOf('neo4j');
    const kitUrl = `http://localhost:${envExample.get('API_PORT')}/browser`;
    const runtimeConf = renderNeo4jConf(loadRuntimeSettings({ BROWSER_KIT_URL: kitUrl }), '/lib');
    const postConnect = runtimeConf.split('\n').find((line) => line.startsWith('browser.post_connect_cmd='));
    expect(`browser.post_connect_cmd=${environment.NEO4J_browser_post__connect__cmd}`).toBe(postConnect);

    const urls = [...environment.NEO4J_browser_post__connect__cmd!.matchAll(/(?:style|play) (\S+?);?(?=\s|$)/g)].map(
      (match) => new URL(match[1]!),
    );
    expect(urls).toHaveLength(2);
    // Browser's allowlist holds host names: it compares the URL's hostname, never its port.
    const allowlist = environment
      .NEO4J_browser_remote__content__hostname__whitelist!.split(',')
      .map((host) => host.trim());
    for (const url of urls) {
      expect(browserKitResponse(url.pathname)?.status, url.pathname).toBe(200);
      expect(allowlist).toContain(url.hostname);
      expect(url.port).toBe(String(publishedPort('api', 4000)));
    }
  });
});

function publishedPort(name: string, target: number): number {
  for (const port of resolved(service(name).ports) ?? []) {
    if (typeof port === 'object' && Number(port.target) === target) return Number(port.published);
    if (typeof port === 'string' && Number(port.split(':').at(-1)) === target) return Number(port.split(':').at(-2));
  }
  throw new Error(`${name} publishes no port for ${target}`);
}

describe('the api service', () => {
  const environment = environmentOf('api');

  it('listens on the port the config defaults to, the image exposes and the compose file maps', () => {
    const defaultPort = loadConfig({}).PORT;
    expect(Number(environment.PORT)).toBe(defaultPort);
    expect(containerPorts('api')).toEqual([defaultPort]);
    const stage = runtimeStage();
    expect(stage.filter((item) => item.instruction === 'EXPOSE').map((item) => Number(item.args))).toEqual([
      defaultPort,
    ]);
    expect(stage.find((item) => item.instruction === 'ENV')?.args).toMatch(new RegExp(`\\bPORT=${defaultPort}\\b`));
  });

  it('listens on every interface of its container and reaches Neo4j by its service name', () => {
    expect(environment.HOST).toBe('0.0.0.0');
    const config = loadConfig(environment);
    expect(new URL(config.NEO4J_URI.replace(/^bolt:/, 'http:')).hostname).toBe('neo4j');
    expect(config.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(config.NEO4J_PASSWORD).toBe(envExample.get('NEO4J_PASSWORD'));
    expect(config.NODE_ENV).toBe('production');
  });

  it('runs what `npm start` runs (the image CMD), compiled from a file that exists', () => {
    const cmd = runtimeStage()
      .filter((item) => item.instruction === 'CMD')
      .at(-1);
    expect(cmd, 'the Dockerfile has no CMD').toBeDefined();
    const file = commandFile(JSON.parse(cmd!.args) as string[]);
    expect(file).toBe(scriptFile('start'));
    expect(exists(file), `${file} does not exist`).toBe(true);
    expect(service('api').command, 'the api runs the image CMD').toBeUndefined();
  });
});

describe('the seed service', () => {
  it('runs what `npm run seed` runs, compiled from a file that exists', () => {
    const command = service('seed').command;
    expect(Array.isArray(command), 'the seed command is in exec form').toBe(true);
    const file = commandFile(command as string[]);
    expect(file).toBe(scriptFile('seed'));
    expect(exists(file), `${file} does not exist yet`).toBe(true);
  });

  it('gets a configuration the app accepts', () => {
    const config = loadConfig(environmentOf('seed'));
    expect(config.NEO4J_URI).toBe('bolt://neo4j:7687');
  });
});

describe('Dockerfile', () => {
  const froms = dockerfile.match(/^FROM\s+\S+/gm) ?? [];
  const defaultImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];

  it('builds in stages on a slim image of a Node LTS line that package.json "engines" admits', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toBe('FROM ${NODE_IMAGE}');
    const major = /^node:(\d+)-bookworm-slim$/.exec(defaultImage ?? '')?.[1];
    expect(['22', '24'], `NODE_IMAGE=${defaultImage}`).toContain(major);
    // "^22.15.0 || >=24": each range's lowest major.
    const admitted = (packageJson.engines?.node ?? '').split('||').map((range) => /\d+/.exec(range)?.[0]);
    expect(admitted).toContain(major);
  });

  it('compiles src/ in the build stage and ships the compiled server, not the sources', () => {
    const buildStage = dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));
    expect(buildStage).toMatch(/^RUN npm run build$/m);
    const copied = runtimeStage()
      .filter((item) => item.instruction === 'COPY')
      .map((item) => item.args);
    expect(copied).toContain('--from=build /app/dist ./dist');
    expect(copied.some((args) => args.split(/\s+/).some((part) => /(^|\/)src$/.test(part)))).toBe(false);
  });

  it('runs production dependencies only, as the node user, in production mode, with a readiness healthcheck', () => {
    const stage = runtimeStage();
    const args = (instruction: string) =>
      stage.filter((item) => item.instruction === instruction).map((item) => item.args);
    expect(args('RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(args('USER')).toEqual(['node']);
    expect(args('ENV').join(' ')).toMatch(/\bNODE_ENV=production\b/);
    expect(args('HEALTHCHECK').join(' ')).toContain('/readyz');
  });

  it('ships what the app reads at run time', () => {
    const copied = runtimeStage()
      .filter((item) => item.instruction === 'COPY')
      .map((item) => item.args);
    for (const path of ['package.json', 'dist', 'schema', 'seed']) {
      expect(
        copied.some((args) => args.split(/\s+/).includes(path) || args.includes(`/app/${path}`)),
        path,
      ).toBe(true);
    }
  });

  it('needs no TypeScript tooling at run time: tsx and typescript are development dependencies only', () => {
    expect(packageJson.dependencies).not.toHaveProperty('tsx');
    expect(packageJson.dependencies).not.toHaveProperty('typescript');
  });
});
