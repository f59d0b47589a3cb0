import { describe, expect, test } from 'vitest';
import { REDACTED, logLevelOf, redactSecretKeys, secretScrubber } from '../../../src/log/logger.ts';
import { captureLog } from '../../fixtures/captured-log.ts';

const PASSWORD = 'neo4j-secret-"pass"\\word';
const TOKEN = 'api-token-0123456789abcdef';
const settings = { NODE_ENV: 'production', NEO4J_PASSWORD: PASSWORD, API_TOKEN: TOKEN, LOG_LEVEL: 'trace' } as const;

describe('LOG_LEVEL', () => {
  test('sets the level when given', () => {
    expect(logLevelOf({ LOG_LEVEL: 'debug', NODE_ENV: 'test' })).toBe('debug');
  });

  test('unset, it is info, and silent under NODE_ENV=test', () => {
    expect(logLevelOf({ LOG_LEVEL: undefined, NODE_ENV: 'production' })).toBe('info');
    expect(logLevelOf({ LOG_LEVEL: undefined, NODE_ENV: 'test' })).toBe('silent');
  });

  test('lines below the level are not written', () => {
    const { log, lines } = captureLog({ ...settings, LOG_LEVEL: 'warn' });
    log.info('not written');
    log.warn('written');
    expect(lines).toHaveLength(1);
  });
});

describe('redaction', () => {
  test('password, token and authorization keys are redacted at any depth, in any case', () => {
    const { log, entries } = captureLog(settings);
    log.info({
      password: 'a',
      headers: { Authorization: 'Bearer b' },
      a: { b: { c: { d: { e: { f: { g: { token: 'c', PASSWORD: 'd' } } } } } } },
      list: [{ apiToken: 'e' }, [{ API_TOKEN: 'f' }]],
    });
    expect(entries()[0]).toMatchObject({
      password: REDACTED,
      headers: { Authorization: REDACTED },
      a: { b: { c: { d: { e: { f: { g: { token: REDACTED, PASSWORD: REDACTED } } } } } } },
      list: [{ apiToken: REDACTED }, [{ API_TOKEN: REDACTED }]],
    });
  });

  test('an object logged twice in a line, or holding itself, is redacted each time and the original kept', () => {
    const shared: Record<string, unknown> = { password: 'x', name: 'kept' };
    shared.self = shared;
    const redacted = redactSecretKeys({ first: shared, second: shared });
    expect(redacted.first).toMatchObject({ password: REDACTED, name: 'kept' });
    expect(redacted.second).toBe(redacted.first);
    expect(shared.password).toBe('x');
  });

  test('keys that merely contain a secret word are kept', () => {
    expect(redactSecretKeys({ MAX_TOKENS: 1000, tokenCount: 3, passwordPolicy: 'long' })).toEqual({
      MAX_TOKENS: 1000,
      tokenCount: 3,
      passwordPolicy: 'long',
    });
  });

  test("a configured secret's value is not written, whatever the key, depth or message that carries it", () => {
    const { log, lines } = captureLog(settings);
    log.error({ a: { b: { c: { d: { e: { f: { g: PASSWORD } } } } } }, note: `token=${TOKEN}` }, `login ${PASSWORD}`);
    log.warn(new Error(`refused ${TOKEN}`));
    const written = lines.join('');
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain(JSON.stringify(PASSWORD).slice(1, -1));
    expect(written).toContain(REDACTED);
  });

  test('without secrets configured, lines pass unchanged', () => {
    expect(secretScrubber([undefined, ''])('{"msg":"x"}')).toBe('{"msg":"x"}');
  });
});
