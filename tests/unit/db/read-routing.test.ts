/**
 * Every `driver.executeQuery` in src/ says where it goes. Without `routing` the driver runs the
 * query as a write (`session.executeWrite`), on a cluster's leader: a read sent that way works
 * on one instance and silently loads the leader of a cluster. So each call must name its
 * routing, READ when its Cypher (where it is written out at the call) writes nothing, WRITE
 * when it does. Sessions are not scanned: their transactions say executeRead/executeWrite, and
 * the runtime probe of tests/integration/api/cluster-routing.int.test.ts watches what the API
 * actually sends.
 *
 * A Cypher that calls a procedure counts as a read: a write sent with READ routing fails loudly
 * on every Neo4j (Neo.ClientError.Statement.AccessMode), a read sent as a write does not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');

/**
 * Known violations in files being rewritten elsewhere, by `file#function`. Remove an entry once
 * its call names READ routing: the test fails while an entry matches nothing.
 */
const KNOWN_VIOLATIONS: Record<string, string> = {};

/** Clauses that write; `CALL { … } IN TRANSACTIONS` too. */
const WRITE_CLAUSE = /\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS)\b/i;

function writesSomething(cypher: string): boolean {
  return WRITE_CLAUSE.test(cypher);
}

interface ExecuteQueryCall {
  file: string;
  line: number;
  /** The enclosing named function, for a key that survives edits above it. */
  functionName: string;
  /** The Cypher's text when written at the call (`${…}` parts as `?`), else null. */
  cypher: string | null;
  /** `READ`, `WRITE`, `other` (an expression this scan does not read), or null when absent. */
  routing: 'READ' | 'WRITE' | 'other' | null;
}

function staticText(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `?${span.literal.text}`).join('');
  return null;
}

function routingOf(options: ts.Expression | undefined): ExecuteQueryCall['routing'] {
  if (!options || !ts.isObjectLiteralExpression(options)) return null;
  const property = options.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'routing',
  );
  if (!property) return null;
  const text = property.initializer.getText().replace(/\s/g, '');
  if (text === 'neo4j.routing.READ' || text === "'READ'" || text === '"READ"') return 'READ';
  if (text === 'neo4j.routing.WRITE' || text === "'WRITE'" || text === '"WRITE"') return 'WRITE';
  return 'other';
}

function enclosingFunctionName(node: ts.Node): string {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if ((ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at)) && at.name) return at.name.getText();
    if (ts.isVariableDeclaration(at) && ts.isIdentifier(at.name)) return at.name.text;
    if (ts.isPropertyAssignment(at)) return at.name.getText();
  }
  return '(top level)';
}

/** Every `….executeQuery(…)` call of a TypeScript source. */
function executeQueryCalls(file: string, source: string): ExecuteQueryCall[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls: ExecuteQueryCall[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'executeQuery'
    ) {
      const [cypher, , options] = node.arguments;
      calls.push({
        file,
        line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        functionName: enclosingFunctionName(node),
        cypher: cypher ? staticText(cypher) : null,
        routing: routingOf(options),
      });
    }
    // src/db/cypher-trace.ts's executeRead(db, cypher, …) always routes READ.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'executeRead') {
      const cypher = node.arguments[1];
      calls.push({
        file,
        line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        functionName: enclosingFunctionName(node),
        cypher: cypher ? staticText(cypher) : null,
        routing: 'READ',
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/** What is wrong with a call, or null. */
function routingProblem(call: ExecuteQueryCall): string | null {
  if (call.routing === null) return 'no routing: the driver runs it as a write transaction, on the leader';
  if (call.routing === 'other') return 'routing is not neo4j.routing.READ or neo4j.routing.WRITE';
  if (call.cypher === null) return null;
  if (!writesSomething(call.cypher) && call.routing !== 'READ') return 'read-only Cypher sent with WRITE routing';
  if (writesSomething(call.cypher) && call.routing !== 'WRITE') return 'writing Cypher sent with READ routing';
  return null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the scan', () => {
  const scan = (source: string) => executeQueryCalls('x.ts', source).map(routingProblem);

  test('flags a read without routing, a read routed as a write, and a write routed as a read', () => {
    expect(
      scan(
        `async function f(db) { await db.driver.executeQuery('MATCH (n) RETURN n', {}, { database: db.database }); }`,
      ),
    ).toEqual([expect.stringContaining('no routing')]);
    expect(
      scan('const f = (d) => d.executeQuery(`MATCH (n:${L}) RETURN n`, {}, { routing: neo4j.routing.WRITE });'),
    ).toEqual(['read-only Cypher sent with WRITE routing']);
    expect(scan(`d.executeQuery('MERGE (n:X) RETURN n', {}, { routing: 'READ' })`)).toEqual([
      'writing Cypher sent with READ routing',
    ]);
    expect(scan(`d.executeQuery(query, {}, { routing: mode })`)).toEqual([
      'routing is not neo4j.routing.READ or neo4j.routing.WRITE',
    ]);
    expect(scan(`d.executeQuery(query)`)).toEqual([expect.stringContaining('no routing')]);
  });

  test('passes reads routed READ and writes routed WRITE, whatever the Cypher variable holds', () => {
    expect(scan(`d.executeQuery('MATCH (n) RETURN n', {}, { routing: neo4j.routing.READ })`)).toEqual([null]);
    expect(scan(`d.executeQuery("CALL dbms.components() YIELD name RETURN name", {}, { routing: 'READ' })`)).toEqual([
      null,
    ]);
    expect(scan(`d.executeQuery('MATCH (n) SET n.x = 1', {}, { routing: neo4j.routing.WRITE })`)).toEqual([null]);
    expect(scan(`d.executeQuery(cypher, params, { database, routing: neo4j.routing.READ })`)).toEqual([null]);
  });

  test('a writing Cypher given to executeRead (always READ) is flagged', () => {
    expect(scan('executeRead(db, `MATCH (n:${L}) SET n.x = 1`)')).toEqual(['writing Cypher sent with READ routing']);
    expect(scan("executeRead(db, 'MATCH (n) RETURN n', {})")).toEqual([null]);
  });

  test('tells write clauses from words that merely contain them', () => {
    expect(writesSomething('MATCH (n) WHERE n.offset > 1 RETURN n.createdAt, n.settings AS merged')).toBe(false);
    expect(writesSomething('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS')).toBe(true);
    expect(writesSomething('MATCH (n) SET n.x = 1')).toBe(true);
  });
});

describe('every executeQuery in src/ names its routing, READ for reads', () => {
  const calls = sourceFiles(SRC).flatMap((path) => executeQueryCalls(relative(ROOT, path), readFileSync(path, 'utf8')));

  test('src/ has executeQuery calls to check', () => {
    // The API's own reads go through src/db/query-runner.ts to cypher-trace.ts's executeRead:
    // if this finds neither, the scan is broken.
    expect(calls.some((call) => call.file === 'src/db/cypher-trace.ts' && call.routing === 'READ')).toBe(true);
    expect(calls.some((call) => call.file === 'src/db/query-runner.ts' && call.routing === 'READ')).toBe(true);
  });

  test('no call without routing or with the wrong one (known violations aside)', () => {
    const problems = calls
      .map((call) => ({ call, problem: routingProblem(call), key: `${call.file}#${call.functionName}` }))
      .filter(({ problem }) => problem !== null);
    const unexpected = problems
      .filter(({ key }) => !(key in KNOWN_VIOLATIONS))
      .map(({ call, problem }) => `${call.file}:${call.line} (${call.functionName}): ${problem}`);
    expect(unexpected).toEqual([]);
    const stale = Object.keys(KNOWN_VIOLATIONS).filter((key) => !problems.some((found) => found.key === key));
    expect(stale, 'fixed: remove these from KNOWN_VIOLATIONS').toEqual([]);
  });
});
