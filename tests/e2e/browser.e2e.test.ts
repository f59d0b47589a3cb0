import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Node as Neo4jNode, Path } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_TABS } from '../../src/graphql/graphiql-examples.ts';
import { PROJECT_ROOT } from '../../src/runtime/runtime-settings.ts';
import { launchChromium, type Chromium } from './chromium.ts';
import { drawnNodes, nodeColorOf, relationshipColorOf, waitForLayoutToSettle } from './neo4j-browser-page.ts';
import { startE2eStack, type E2eStack } from './stack.ts';

/**
 * The two ways people explore the graph, in a real browser: Neo4j Browser (with the project's
 * style and guide, loaded by neo4j.conf's post-connect command) and the API's GraphiQL.
 * Screenshots for the README go to docs/; on failure, a screenshot and the page's HTML go to
 * test-results/e2e/.
 */
const DOCS = resolve(PROJECT_ROOT, 'docs');
const FAILURES = resolve(PROJECT_ROOT, 'test-results', 'e2e');
const GUIDE_HTML = readFileSync(resolve(PROJECT_ROOT, 'schema', 'browser', 'guide.html'), 'utf8');
const STYLE_GRASS = readFileSync(resolve(PROJECT_ROOT, 'schema', 'browser', 'style.grass'), 'utf8');

const startedAt = Date.now();
const log = (line: string) => console.log(`[e2e ${((Date.now() - startedAt) / 1000).toFixed(1)} s] ${line}`);

/** The guide's runnable query whose first comment line starts with `heading`. */
function guideQuery(heading: string): string {
  for (const match of GUIDE_HTML.matchAll(/<pre[^>]*class="[^"]*runnable[^"]*"[^>]*>([\s\S]*?)<\/pre>/g)) {
    const text = (match[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    if (text.startsWith(`// ${heading}`)) return text;
  }
  throw new Error(`guide.html has no runnable query starting with "// ${heading}"`);
}

/** `color` of a GRASS rule such as `node.State`, as the style file writes it. */
function grassColor(selector: string): string {
  const rule = STYLE_GRASS.match(new RegExp(`^${selector.replace('.', '\\.')} \\{([^}]*)\\}`, 'm'));
  const color = rule?.[1]?.match(/^\s*color:\s*(#[0-9A-Fa-f]{6});/m)?.[1];
  if (!color) throw new Error(`style.grass has no color for ${selector}`);
  return color.toUpperCase();
}

async function onFailureKeepEvidence(page: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    mkdirSync(FAILURES, { recursive: true });
    await page.screenshot({ path: join(FAILURES, `${name}.png`) }).catch(() => {});
    writeFileSync(join(FAILURES, `${name}.html`), await page.content().catch(() => '(no page content)'));
    log(`failed; screenshot and HTML in ${FAILURES}/${name}.*`);
    throw error;
  }
}

const CLAIMS_NETWORK = 'The claims network';
const OVERVIEW_QUERY = guideQuery(CLAIMS_NETWORK);
const SEED_NAMES = ['Taliban', 'Pakistan', 'China', 'Iran', 'Russia'];

describe('exploring the seed graph in a real browser', () => {
  let stack: E2eStack;
  let chromium: Chromium;

  beforeAll(async () => {
    stack = await startE2eStack(log);
    chromium = await launchChromium();
    log('chromium launched');
  });

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
    log('stopped');
  });

  it("Neo4j Browser: login opens the project's guide and style, and the guide's overview query draws the seed's actors", async () => {
    // What the overview query returns, straight from the database.
    const { records } = await stack.db.driver.executeQuery(OVERVIEW_QUERY, {}, { database: stack.db.database });
    const expected = new Map<string, string>();
    for (const record of records) {
      const path = record.get('p') as Path;
      for (const node of [path.start, ...path.segments.map((segment) => segment.end)] as Neo4jNode[]) {
        expected.set(node.elementId, String(node.properties.name));
      }
    }
    const expectedNames = new Set(expected.values());
    for (const name of SEED_NAMES) expect(expectedNames, `the overview query should return ${name}`).toContain(name);

    const page = await chromium.context.newPage();
    await onFailureKeepEvidence(page, 'neo4j-browser', async () => {
      await page.goto(stack.browserUrl, { waitUntil: 'load', timeout: 120_000 });
      // The connect form (Browser's bundle is large: allow for a slow first paint).
      await page.getByTestId('boltaddress').waitFor({ state: 'visible', timeout: 120_000 });
      log('Neo4j Browser: connect form shown');
      await page.getByTestId('bolt-scheme-select').selectOption('bolt://');
      await page.getByTestId('boltaddress').fill(stack.boltUrl.replace(/^bolt:\/\//, ''));
      await page.getByTestId('username').fill(stack.user);
      await page.getByTestId('password').fill(stack.password);
      await page.getByTestId('connect').click();

      // post_connect_cmd: `style <kit>/style.grass; play <kit>/guide.html`, without any typing.
      const kit = `${stack.apiOrigin}/browser`;
      const guideFrame = page
        .getByTestId('frame')
        .filter({ has: page.getByTestId('frameCommand').getByText(`:play ${kit}/guide.html`) });
      await guideFrame
        .getByTestId('carousel')
        .getByRole('heading', { name: 'The geopolitics graph' })
        .waitFor({ timeout: 60_000 });
      const styleFrame = page
        .getByTestId('frame')
        .filter({ has: page.getByTestId('frameCommand').getByText(`:style ${kit}/style.grass`) });
      await expect
        .poll(() => styleFrame.getByTestId('frameContents').innerText(), { timeout: 30_000 })
        .toContain('node.State');
      log('Neo4j Browser: logged in; guide and style loaded by the post-connect command');

      // The usage-data banner would cover the top of the screenshot.
      const banner = page.getByText('To help make Neo4j Browser better');
      if (await banner.isVisible()) await banner.locator('xpath=..').locator('> span').last().click();

      // Run the guide's overview query with its play icon.
      const runnable = guideFrame.locator('pre.runnable', { hasText: `// ${CLAIMS_NETWORK}` });
      await runnable.locator('i.fa-play-circle-o').click();
      const graphFrame = page.getByTestId('frame').filter({ has: page.locator('svg.neod3viz') });
      await graphFrame.locator('svg.neod3viz g.node').first().waitFor({ timeout: 60_000 });
      expect(await graphFrame.getByTestId('frameCommand').innerText()).toContain(CLAIMS_NETWORK);
      await waitForLayoutToSettle(graphFrame);
      log('Neo4j Browser: graph drawn and laid out');

      const drawn = await drawnNodes(graphFrame);
      expect(drawn).toHaveLength(expected.size);
      const captions = drawn.map((node) => node.caption);
      for (const name of SEED_NAMES) expect(captions).toContain(name);
      // Every caption is an entity's name. Browser fits long ones into the circle line by line
      // and ends them with "…" ("Joint statement of the China-…" becomes "Joint statement of
      // Chi…") or drops the lines that do not fit ("International terrorist groups in"): those
      // must match the start of a name word for word, in order.
      const fitsName = (caption: string, name: string) => {
        const words = caption.replace(/…$/, '').split(' ').filter(Boolean);
        let from = 0;
        for (const word of words) {
          const at = name.indexOf(word, from);
          if (at < 0) return false;
          from = at + word.length;
        }
        return words.length > 0 && name.startsWith(words[0] ?? '');
      };
      for (const caption of captions) {
        const matches = expectedNames.has(caption) || [...expectedNames].some((name) => fitsName(caption, name));
        expect(matches, `caption "${caption}" should be one of the query's names`).toBe(true);
      }

      // The project's style, not Browser's defaults: colours by type label and claim type.
      expect(nodeColorOf(drawn, 'Pakistan')).toBe(grassColor('node.State'));
      expect(nodeColorOf(drawn, 'Taliban')).toBe(grassColor('node.Group'));
      expect(await relationshipColorOf(graphFrame, 'CRITICIZES')).toBe(grassColor('relationship.CRITICIZES'));

      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: join(DOCS, 'neo4j-browser.png') });
      log('Neo4j Browser: screenshot saved to docs/neo4j-browser.png');
    });
    await page.close();
  });

  it('GraphiQL: opens with the example tabs and runs the first one', async () => {
    const graphqlUrl = `${stack.apiOrigin}/graphql`;
    const first = GRAPHIQL_TABS[0];
    if (!first) throw new Error('GRAPHIQL_TABS is empty');
    const operationNames = GRAPHIQL_TABS.map((tab) => tab.query.match(/^(?:query|mutation)\s+(\w+)/m)?.[1]);
    const firstOperation = operationNames[0];
    if (!firstOperation) throw new Error('the first GraphiQL tab has no named operation');

    // What the first tab's query answers, asked directly.
    const direct = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query: first.query }),
    });
    const expected = (await direct.json()) as {
      data?: {
        relations?: {
          totalCount: number;
          edges: Array<{ node: { source: { name: string }; via: { name: string } | null } }>;
        };
      };
      errors?: unknown[];
    };
    expect(expected.errors).toBeUndefined();
    const relations = expected.data?.relations;
    expect(relations?.totalCount).toBeGreaterThan(0);
    const sourceName = relations?.edges[0]?.node.source.name ?? '';
    const viaName = relations?.edges.find((edge) => edge.node.via)?.node.via?.name ?? '';
    expect(sourceName).not.toBe('');
    expect(viaName).not.toBe('');

    const page = await chromium.context.newPage();
    await onFailureKeepEvidence(page, 'graphiql', async () => {
      // Monaco renders spaces as no-break spaces.
      const queryEditor = page.locator('.graphiql-query-editor .view-lines');
      const queryText = async () => (await queryEditor.innerText()).replaceAll('\u00a0', ' ');
      // GraphiQL ships with the server: it must not need the Internet (which the context blocks).
      const external: string[] = [];
      page.on('request', (request) => {
        if (!/^(https?:\/\/(localhost|127\.0\.0\.1)[:/]|blob:|data:)/.test(request.url())) external.push(request.url());
      });
      await page.goto(graphqlUrl, { waitUntil: 'load', timeout: 60_000 });
      await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
      // One tab per example, named after its operation; the first one open, showing its query
      // (not GraphiQL's welcome text, which some Yoga builds put there: graphql-yoga PR #4578).
      await expect
        .poll(() =>
          page.locator('.graphiql-tab-button').evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('title'))),
        )
        .toEqual(operationNames);
      expect(await page.locator('li.graphiql-tab-active .graphiql-tab-button').getAttribute('title')).toBe(
        firstOperation,
      );
      await expect.poll(queryText, { timeout: 30_000 }).toContain(`query ${firstOperation} {`);

      const answered = page.waitForResponse(
        (response) =>
          response.url().startsWith(graphqlUrl) &&
          response.request().method() === 'POST' &&
          (response.request().postData() ?? '').includes(firstOperation),
        { timeout: 60_000 },
      );
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual(expected);

      // The result pane shows it (Monaco wraps long lines and renders spaces as &nbsp;).
      const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, '');
      const resultPane = page.locator('.graphiql-response .view-lines');
      // Monaco fills the pane in steps (word wrap comes after the first paint): wait for all of it.
      const wanted = [`"totalCount": ${relations?.totalCount}`, `"name": "${sourceName}"`, `"name": "${viaName}"`];
      const notShownYet = async () => {
        const shown = squeeze(await resultPane.innerText());
        return wanted.filter((text) => !shown.includes(squeeze(text)));
      };
      await expect.poll(notShownYet, { timeout: 30_000 }).toEqual([]);
      log(
        `GraphiQL: ${firstOperation} answered ${relations?.totalCount} relations, first from ${sourceName}, one via "${viaName}"`,
      );

      expect(external, 'GraphiQL asked for resources outside this machine').toEqual([]);

      mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: join(DOCS, 'graphiql.png') });
      log('GraphiQL: screenshot saved to docs/graphiql.png');
    });
    await page.close();
  });
});
