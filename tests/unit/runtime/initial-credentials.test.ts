import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashPassword, renderAuthIni, writeInitialCredentials } from '../../../src/runtime/initial-credentials.ts';

/**
 * Written by Neo4j 5.26.30's own `neo4j-admin dbms set-initial-password probe-secret-123` on a
 * throw-away folder (data/dbms/auth.ini): the bytes our writer must reproduce.
 */
const WRITTEN_BY_NEO4J_ADMIN =
  'neo4j:SHA-256,14686da8bdd111a329d437005d026c0c2431176be06f67db92e572ebc424bc00,' +
  '8bf3bb9ce2e9f755ee307d9b798edab9f5457a02a5f0bab7f205d393e252a037,1024:\n';
const SALT = Buffer.from('8bf3bb9ce2e9f755ee307d9b798edab9f5457a02a5f0bab7f205d393e252a037', 'hex');

describe('initial credentials (data/dbms/auth.ini)', () => {
  test('reproduces the bytes neo4j-admin set-initial-password writes, for the same salt', () => {
    expect(renderAuthIni('neo4j', 'probe-secret-123', SALT)).toBe(WRITTEN_BY_NEO4J_ADMIN);
  });

  test('a different password gives a different hash', () => {
    expect(hashPassword('probe-secret-124', SALT)).not.toBe(hashPassword('probe-secret-123', SALT));
  });

  test('each file gets a fresh random salt of 32 bytes', () => {
    const [first, second] = [renderAuthIni('neo4j', 'same-password'), renderAuthIni('neo4j', 'same-password')];
    const salt = (line: string) => line.split(',')[2];
    expect(salt(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(salt(first)).not.toBe(salt(second));
  });

  test('the file holds the salted hash only, readable by its owner only', () => {
    const home = mkdtempSync(join(tmpdir(), 'geograph-credentials-'));
    try {
      writeInitialCredentials(home, 'neo4j', 'a-secret-password');
      const file = join(home, 'data', 'dbms', 'auth.ini');
      expect(readFileSync(file, 'utf8')).not.toContain('a-secret-password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
