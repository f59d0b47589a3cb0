import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The initial credentials of a new instance, written the way
 * `neo4j-admin dbms set-initial-password` writes them, without running it: that command only
 * takes the password as a command-line argument, where every local user can read it in the
 * process list. Neo4j reads `data/dbms/auth.ini` once, when it creates the system database.
 *
 * The format, measured on 5.26 (set-initial-password on a throw-away folder, then the same
 * bytes reproduced here; tests/unit/runtime/initial-credentials.test.ts keeps that sample):
 *   neo4j:SHA-256,<hash hex>,<salt hex, 32 bytes>,1024:
 * hash = SHA-256 of (salt, password as UTF-8), then SHA-256 of that 1,023 more times. The
 * empty last field means "no password change required at first login".
 */
const ALGORITHM = 'SHA-256';
const ITERATIONS = 1024;
const SALT_BYTES = 32;

export function hashPassword(password: string, salt: Buffer, iterations = ITERATIONS): string {
  let digest = createHash('sha256').update(salt).update(password, 'utf8').digest();
  for (let round = 1; round < iterations; round += 1) digest = createHash('sha256').update(digest).digest();
  return digest.toString('hex');
}

export function renderAuthIni(user: string, password: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  return `${user}:${ALGORITHM},${hashPassword(password, salt)},${salt.toString('hex')},${ITERATIONS}:\n`;
}

const authIniOf = (home: string) => join(home, 'data', 'dbms', 'auth.ini');

/** Only the salted hash reaches the disk, readable by the owner only. */
export function writeInitialCredentials(home: string, user: string, password: string): void {
  mkdirSync(join(home, 'data', 'dbms'), { recursive: true });
  writeFileSync(authIniOf(home), renderAuthIni(user, password), { mode: 0o600 });
}

/**
 * Once the first start has moved the user into the system database, Neo4j never reads the
 * file again; left in place, it would only offer the hash to offline guessing.
 */
export function removeInitialCredentials(home: string): void {
  rmSync(authIniOf(home), { force: true });
}
