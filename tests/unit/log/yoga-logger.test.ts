import { expect, test } from 'vitest';
import { yogaLogger } from '../../../src/log/yoga-logger.ts';
import { captureLog } from '../../fixtures/captured-log.ts';

const settings = {
  NODE_ENV: 'production',
  NEO4J_PASSWORD: 'password-1234',
  API_TOKEN: undefined,
  LOG_LEVEL: 'debug',
} as const;

test('an error Yoga logs keeps its message and stack under err', () => {
  const { log, entries } = captureLog(settings);
  yogaLogger(log).error(new Error('resolver broke'));
  expect(entries()[0]).toMatchObject({ level: 50, msg: 'resolver broke', err: { message: 'resolver broke' } });
  expect(String((entries()[0]?.err as { stack?: string }).stack)).toContain('resolver broke');
});

test('a message Yoga logs with extra values keeps them under details', () => {
  const { log, entries } = captureLog(settings);
  yogaLogger(log).debug('Processing', { step: 1 });
  expect(entries()[0]).toMatchObject({ level: 20, msg: 'Processing', details: [{ step: 1 }] });
});
