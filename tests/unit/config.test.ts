import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { loadRuntimeSettings, RuntimeError } from '../../src/runtime/runtime-settings.ts';

describe('configuration', () => {
  test('defaults describe a local Neo4j and an API on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NEO4J_URI: 'bolt://localhost:7687', NEO4J_USER: 'neo4j', NEO4J_DATABASE: 'neo4j', PORT: 4000 });
    expect(config.API_TOKEN).toBeUndefined();
  });

  test('an empty variable counts as unset', () => {
    expect(loadConfig({ API_TOKEN: '' }).API_TOKEN).toBeUndefined();
  });

  test('a bad variable fails with its name and what was expected', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(ConfigError);
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474": expected a Bolt URI/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  test('secrets are never echoed in errors', () => {
    expect(() => loadConfig({ API_TOKEN: 'short' })).toThrow(/API_TOKEN=\(hidden\)/);
  });

  test('cluster and Aura URIs are accepted', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io' }).NEO4J_URI).toBe('neo4j+s://abcd1234.databases.neo4j.io');
  });

  test('the local runtime refuses the same port for Bolt and HTTP', () => {
    expect(() => loadRuntimeSettings({ NEO4J_BOLT_PORT: '7000', NEO4J_HTTP_PORT: '7000' })).toThrow(RuntimeError);
  });

  test('the local runtime names a bad memory size', () => {
    expect(() => loadRuntimeSettings({ NEO4J_HEAP: 'lots' })).toThrow(/NEO4J_HEAP: expected a size such as 512m or 2g/);
  });
});
