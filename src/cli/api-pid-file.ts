import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isProcessAlive } from '../process-alive.ts';
import { portAnswers } from '../runtime/local-neo4j.ts';

/**
 * The API that `npm run up` started, recorded in the instance folder beside Neo4j's own pid
 * file, so that `npm run down` can stop it and a second `up` can say it runs.
 */
export interface ApiRecord {
  pid: number;
  url: string;
}

export const apiRecordFile = (instanceHome: string) => join(instanceHome, 'run', 'api.json');

export function writeApiRecord(file: string, record: ApiRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record)}\n`);
}

/** Removes the record if it is this process's (a newer API may have replaced it). */
export function removeOwnApiRecord(file: string): void {
  if (readApiRecord(file)?.pid === process.pid) rmSync(file, { force: true });
}

function readApiRecord(file: string): ApiRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<ApiRecord>;
    return Number.isInteger(record.pid) && typeof record.url === 'string' ? (record as ApiRecord) : null;
  } catch {
    return null;
  }
}

/**
 * The recorded API if it still runs: its process lives and its port answers (a record left by
 * a killed API may name a pid the system gave to another process since).
 */
export async function runningApi(file: string): Promise<ApiRecord | null> {
  const record = readApiRecord(file);
  if (!record || !isProcessAlive(record.pid)) return null;
  const url = new URL(record.url);
  const host = url.hostname === '0.0.0.0' || url.hostname === '[::]' ? '127.0.0.1' : url.hostname;
  return (await portAnswers(Number(url.port), host)) ? record : null;
}
