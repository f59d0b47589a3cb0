import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { DEFAULT_NEO4J_PASSWORD } from '../../src/env/fields.ts';
import { checkDatabasePassword } from '../../src/password-policy.ts';
import { loadRuntimeSettings, RuntimeError } from '../../src/runtime/runtime-settings.ts';

describe('configuration', () => {
  test('defaults describe a local Neo4j and an API on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_USER: 'neo4j',
      NEO4J_DATABASE: 'neo4j',
      PORT: 4000,
    });
    expect(config.API_TOKEN).toBeUndefined();
  });

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ API_TOKEN: '' }).API_TOKEN).toBeUndefined();
  });

  test('a bad variable fails with its name and what was expected', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(
      /NEO4J_URI="http:\/\/localhost:7474": expected a Bolt URI/,
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  test('secrets are never echoed in errors', () => {
    expect(() => loadConfig({ API_TOKEN: 'short' })).toThrow(/API_TOKEN=\(hidden\)/);
  });

  test('cluster and Aura URIs are accepted', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io' }).NEO4J_URI).toBe(
      'neo4j+s://abcd1234.databases.neo4j.io',
    );
  });

  test('the local runtime refuses the same port for Bolt and HTTP', () => {
    expect(() => loadRuntimeSettings({ NEO4J_BOLT_PORT: '7000', NEO4J_HTTP_PORT: '7000' })).toThrow(RuntimeError);
  });

  test('the local runtime names a bad memory size', () => {
    expect(() => loadRuntimeSettings({ NEO4J_HEAP: 'lots' })).toThrow(
      /NEO4J_HEAP="lots": expected a size such as 512m or 2g/,
    );
  });

  test('the API and the local runtime refuse a short NEO4J_PASSWORD alike, without echoing it', () => {
    const env = { NEO4J_PASSWORD: 'pw-4711' };
    const expected = /NEO4J_PASSWORD=\(hidden\): expected at least 8 characters/;
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
    expect(() => loadRuntimeSettings(env)).toThrow(RuntimeError);
    expect(() => loadRuntimeSettings(env)).toThrow(expected);
    expect(() => loadRuntimeSettings(env)).not.toThrow(/pw-4711/);
  });

  test('an empty variable counts as unset for the local runtime too', () => {
    expect(loadRuntimeSettings({ NEO4J_BOLT_PORT: '', NEO4J_HEAP: '' })).toMatchObject({
      NEO4J_BOLT_PORT: 7687,
      NEO4J_HEAP: '1g',
    });
  });

  test('NODE_ENV unset means production: masked errors, no stack traces', () => {
    expect(loadConfig({}).NODE_ENV).toBe('production');
  });

  test('GraphiQL is off and no other origin is allowed unless asked for', () => {
    expect(loadConfig({})).toMatchObject({ GRAPHIQL: false, CORS_ORIGINS: [] });
    expect(loadConfig({ GRAPHIQL: 'true' }).GRAPHIQL).toBe(true);
  });

  test('CORS_ORIGINS is a comma-separated list of web origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/' }).CORS_ORIGINS).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  test('operation limits default at least as strict as GraphQL Armor (depth 6, aliases 15, tokens 1000, directives 50)', () => {
    const config = loadConfig({});
    expect(config.MAX_DEPTH).toBeLessThanOrEqual(6);
    expect(config.MAX_ALIASES).toBeLessThanOrEqual(15);
    expect(config.MAX_TOKENS).toBeLessThanOrEqual(1000);
    expect(config.MAX_DIRECTIVES).toBeLessThanOrEqual(50);
  });

  test('a query never gets more time than its request: QUERY_TIMEOUT_MS and REQUEST_TIMEOUT_MS are both bounded', () => {
    expect(loadConfig({})).toMatchObject({ REQUEST_TIMEOUT_MS: 10_000, QUERY_TIMEOUT_MS: 10_000 });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('the default Neo4j password', () => {
  const passwordOf = (env: NodeJS.ProcessEnv) => loadConfig(env);

  test('is accepted with a loud warning when NODE_ENV is not production', () => {
    const warnings: string[] = [];
    checkDatabasePassword(passwordOf({}), {}, (message) => warnings.push(message));
    expect(warnings.join('\n')).toMatch(/WARNING: NEO4J_PASSWORD is the default/);
  });

  test('refuses to start when NODE_ENV=production is set explicitly', () => {
    const env = { NODE_ENV: 'production' };
    expect(() => checkDatabasePassword(passwordOf(env), env, () => {})).toThrow(ConfigError);
    expect(() => checkDatabasePassword(passwordOf(env), env, () => {})).toThrow(/refusing to start/);
  });

  test('a password of your own passes silently', () => {
    const warnings: string[] = [];
    const env = { NODE_ENV: 'production', NEO4J_PASSWORD: 'a-secret-of-my-own' };
    checkDatabasePassword(passwordOf(env), env, (message) => warnings.push(message));
    expect(warnings).toEqual([]);
    expect(passwordOf({}).NEO4J_PASSWORD).toBe(DEFAULT_NEO4J_PASSWORD);
  });
});
