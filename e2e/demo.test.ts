import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "../test/helpers/http-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import {
  type DemoServer,
  openDemo,
  openMethod,
  send,
  shownJson,
  startDemoServer,
  visibleMethodLinks,
} from "./helpers/demo-page.js";

const OUTPUT_DIR = fileURLToPath(new URL("./output/", import.meta.url));

interface Execution {
  id: number;
  started_at: string;
}
interface Workflow {
  id: number;
  name: string;
  time_zone: string;
}

describe.skipIf(!hasChromium)("the demo explorer with the built-in sample API", () => {
  const session = useBrowser();
  let demo: DemoServer;

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.close();
  });
  beforeEach(() => {
    demo.api.reset();
  });

  it("lists every sample operation, finds `executions` from the keyboard and runs a method", async () => {
    const { page } = session;
    const operationCount = Object.values(demo.api.spec.paths).reduce(
      (n, item) => n + Object.keys(item).length,
      0,
    );
    const status = await openDemo(page, demo.url);
    expect(status).toContain("Civis Sample API");
    expect(status).toContain(`${operationCount} methods`);
    expect(await visibleMethodLinks(page).count()).toBe(operationCount);

    // `/` focuses the search; arrows walk the matches; Enter opens one.
    await page.keyboard.press("/");
    await page.keyboard.type("executions");
    await expect
      .poll(() => page.locator("#match-count").textContent())
      .toMatch(/^\d+ of \d+ methods match$/);
    const shown = await visibleMethodLinks(page).allInnerTexts();
    expect(shown.length).toBeGreaterThan(1);
    for (const text of shown) expect(text).toContain("executions");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#/workflows/list_executions");
    await expect
      .poll(() => page.locator("#method-title").textContent())
      .toContain("list_executions");

    const docs = page.locator(".doc-html");
    expect(await docs.textContent()).toContain("API URL: GET /workflows/{id}/executions");
    expect(await docs.locator(".entry-name").allInnerTexts()).toEqual(
      expect.arrayContaining(["id", "limit", "page_num", "iterator"]),
    );
    // The plain help() text is the same method's `doc`.
    await page.getByLabel("Show the plain help() text", { exact: true }).check();
    const helpText = await page.locator(".help-text").textContent();
    expect(helpText).toContain("API URL: GET /workflows/{id}/executions");
    expect(helpText).toContain("limit : integer, optional");

    await page.getByLabel("id integer, required", { exact: true }).fill("1");
    await page.getByLabel("limit integer", { exact: true }).fill("5");
    expect(await page.getByTestId("code-line").textContent()).toBe(
      "await client.workflows.list_executions(1, { limit: 5 })",
    );
    expect(await send(page)).toBe("200 OK");
    const executions = (await shownJson(page)) as Execution[];
    expect(executions).toHaveLength(5);
    expect(executions[0]).toHaveProperty("started_at");
    expect(await page.getByTestId("rate-limit").textContent()).toBe("1000");
    expect(await page.getByTestId("calls-remaining").textContent()).toMatch(/^\d+$/);
    expect(await page.getByTestId("retries").textContent()).toBe("0");
    expect(demo.api.stats["GET /workflows/1/executions"]).toBe(1);
  });

  it("creates a workflow with POST, then lists it: the data persists", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await openMethod(page, "workflows", "post");

    const editor = page.getByLabel("JSON parameters", { exact: true });
    // Prefilled with the required properties only: a Send submits no placeholder values.
    expect(JSON.parse(await editor.inputValue())).toEqual({ name: "" });
    await page.getByRole("button", { name: "All properties" }).click();
    // Every body property, nested ones included, under help()'s names, on request.
    expect(JSON.parse(await editor.inputValue())).toMatchObject({
      name: "",
      time_zone: "",
      schedule: { scheduled_days: [] },
    });
    await editor.fill(JSON.stringify({ name: "Made in the demo", time_zone: "Europe/Paris" }));
    expect(await page.getByTestId("code-line").textContent()).toBe(
      'await client.workflows.post({ name: "Made in the demo", time_zone: "Europe/Paris" })',
    );
    expect(await send(page)).toBe("201 Created");
    const created = (await shownJson(page)) as Workflow;
    expect(created).toMatchObject({ name: "Made in the demo", time_zone: "Europe/Paris" });

    await openMethod(page, "workflows", "list");
    await page.getByLabel("order string", { exact: true }).fill("id");
    expect(await send(page)).toBe("200 OK");
    const listed = (await shownJson(page)) as Workflow[];
    expect(listed[0]).toMatchObject({ id: created.id, name: "Made in the demo" });

    await openMethod(page, "workflows", "get");
    // An empty path field shows as its name, not as `get("")`.
    expect(await page.getByTestId("code-line").textContent()).toBe(
      "await client.workflows.get(id)",
    );
    await page.getByLabel("id integer, required", { exact: true }).fill(String(created.id));
    expect(await send(page)).toBe("200 OK");
    expect(await shownJson(page)).toMatchObject({ id: created.id, time_zone: "Europe/Paris" });
  });

  it("iterates all pages of a paginated method", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await openMethod(page, "workflows", "list");
    await page.getByLabel("limit integer", { exact: true }).fill("50");
    await page.getByLabel(/iterator boolean/).check();
    expect(await page.getByTestId("code-line").textContent()).toBe(
      "await client.workflows.list({ limit: 50, iterator: true }).json()",
    );
    expect(await send(page)).toBe("200 OK");
    // 120 unarchived seed workflows at 50 a page: three requests, every item shown.
    expect(await shownJson(page)).toHaveLength(120);
    expect(await page.getByTestId("requests").textContent()).toBe("3");
    expect(demo.api.stats["GET /workflows"]).toBe(3);
  });

  it("shows a 503 with Retry-After being retried", async () => {
    const { page } = session;
    session.allowConsoleError(/status of 503/);
    await openDemo(page, demo.url);
    await openMethod(page, "workflows", "list_executions");
    await page.getByLabel("id integer, required", { exact: true }).fill("1");
    await page.getByLabel(/Make the sample API answer 503/).check();
    expect(await page.getByTestId("code-line").textContent()).toContain(
      '{ headers: { "X-Sample-Fault": "503;retry-after=1;times=1" } }',
    );

    const started = Date.now();
    expect(await send(page)).toBe("200 OK");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(await page.getByTestId("retries").textContent()).toBe("1");
    expect(await page.getByTestId("requests").textContent()).toBe("2");
    const retry = (await page.getByRole("list", { name: "Retries" }).textContent()) ?? "";
    expect(retry).toMatch(/^Attempt 1 got 503; waited (\d+\.\d) s before retrying$/);
    expect(Number(/waited (\S+) s/.exec(retry)?.[1])).toBeGreaterThanOrEqual(1);
    expect(demo.api.stats["GET /workflows/1/executions"]).toBe(2);
    // The fault is for one request only: the box clears itself.
    expect(await page.getByLabel(/Make the sample API answer 503/).isChecked()).toBe(false);
  });

  it("is readable at 1280x800 and in a narrow window (screenshot in e2e/output/demo.png)", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await openMethod(page, "workflows", "list_executions");
    await page.getByLabel("id integer, required", { exact: true }).fill("1");
    await page.getByLabel("limit integer", { exact: true }).fill("3");
    await send(page);
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}demo.png` });

    await page.setViewportSize({ width: 400, height: 800 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.locator("#search").isVisible()).toBe(true);
    await page.screenshot({ path: `${OUTPUT_DIR}demo-narrow.png`, fullPage: true });
  });
});

describe.skipIf(!hasChromium)("the demo's status line while a spec loads", () => {
  const session = useBrowser();
  let demo: DemoServer;
  let busy: TestServer;

  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemoServer();
    // A live API that answers every request 503 (CORS allowed): the client retries for minutes.
    busy = await startServer((req, res) => {
      const cors = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept",
      };
      if (req.method === "OPTIONS") sendJson(res, 204, undefined, cors);
      else sendJson(res, 503, { errorDescription: "Down for maintenance" }, cors);
    });
  });
  afterAll(async () => {
    await busy?.close();
    await demo?.close();
  });

  async function loadLive(page: Page, baseUrl: string): Promise<void> {
    await page.getByText("Spec source").click();
    await page.getByRole("radio", { name: /live API/ }).check();
    await page.getByLabel("API base URL").fill(baseUrl);
    await page.getByLabel(/API key/).fill("some-key");
    await page.getByRole("button", { name: "Load spec" }).click();
  }

  it("says what a load waits for, and Cancel ends it with the previous spec still loaded", async () => {
    const { page } = session;
    session.allowConsoleError(/status of 503/);
    await openDemo(page, demo.url);
    await loadLive(page, busy.url);
    // Watched in the page, every animation frame, and any attempt's line will do: each shows
    // only while its retry waits, and civis-python's random backoff can make a wait shorter
    // than a frame of a busy machine (waiting for attempt 2's line alone timed out that way).
    await page.waitForFunction(
      () =>
        /^503: .*Down for maintenance.*; retrying in \d+ m?s, attempt \d+ of 10$/.test(
          document.querySelector("[data-testid=load-wait]")?.textContent ?? "",
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.getByTestId("cancel-load").click();
    await expect.poll(() => page.locator("#spec-status").textContent()).toContain("Cancelled");
    expect(await page.getByTestId("still-loaded").textContent()).toMatch(
      /^Still loaded: Built-in sample API/,
    );
    // The sample API's methods are still listed and usable.
    expect(await visibleMethodLinks(page).count()).toBeGreaterThan(0);
  });

  it("gives up on a refused connection within seconds, in the client's words", async () => {
    const { page } = session;
    session.allowConsoleError(/ERR_CONNECTION_REFUSED/);
    const closed = await startServer();
    await closed.close();
    await openDemo(page, demo.url);
    await loadLive(page, closed.url);
    await expect
      .poll(() => page.locator("#spec-status").textContent(), { timeout: 15_000 })
      .toMatch(/Could not load the spec: .*\(offline, DNS, or CORS\?\)/);
    expect(await page.getByTestId("still-loaded").isVisible()).toBe(true);
  });

  it("shows a spec URL that cannot be fetched in the client's words, not 'Failed to fetch'", async () => {
    const { page } = session;
    session.allowConsoleError(/ERR_CONNECTION_REFUSED/);
    const closed = await startServer();
    await closed.close();
    await openDemo(page, demo.url);
    await page.getByText("Spec source").click();
    await page.getByRole("radio", { name: /A URL/ }).check();
    await page.getByLabel(/Spec URL/).fill(`${closed.url}spec.json`);
    await page.getByRole("button", { name: "Load spec" }).click();
    await expect
      .poll(() => page.locator("#spec-status").textContent())
      .toContain("(offline, DNS, or CORS?)");
    expect(await page.locator("#spec-status").textContent()).not.toContain("Failed to fetch");
  });
});

describe.skipIf(!hasChromium)("the demo's layout at 1280 px", () => {
  const session = useBrowser();
  let demo: DemoServer;
  beforeAll(async () => {
    await ensureBuilt();
    demo = await startDemoServer();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it("hints when a search matches nothing", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    await page.locator("#search").fill("zzzz-no-such-method");
    await expect
      .poll(() => page.getByTestId("no-match").textContent())
      .toContain("No method matches “zzzz-no-such-method”");
    await page.locator("#search").fill("");
    await expect.poll(() => page.getByTestId("no-match").isVisible()).toBe(false);
  });

  it("wraps long method names between words and shows the plain help text unclipped", async () => {
    const { page } = session;
    await openDemo(page, demo.url);
    // A spec whose one method has a long name, deprecated, as the Civis spec has some.
    const longPath = "/reports/{id}/shared_with_groups_and_users_of_the_organization_by_name";
    const spec = {
      swagger: "2.0",
      info: { title: "Long names", version: "1" },
      paths: {
        [longPath]: {
          get: {
            deprecated: true,
            parameters: [{ name: "id", in: "path", required: true, type: "integer" }],
            responses: { 200: { description: "ok" } },
          },
        },
      },
    };
    await page.getByText("Spec source").click();
    await page.getByRole("radio", { name: /local file/ }).check();
    await page.getByLabel("Spec file (JSON)").setInputFiles({
      name: "long.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(spec)),
    });
    await expect.poll(() => page.getByTestId("spec-count").textContent()).toBe("1 methods");
    const name = page.locator(".method-name").first();
    // It does wrap beside the tag, so the check below has something to check.
    const lineCount = await name.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lineCount).toBeGreaterThan(1);
    // No method name is broken inside a word: each line of it ends at an underscore or its end.
    const broken = await page.locator(".method-name").evaluateAll((names) =>
      names.flatMap((name) => {
        const range = document.createRange();
        const text = name.textContent ?? "";
        const lines: string[] = [];
        let top: number | undefined;
        let line = "";
        for (const node of name.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          range.selectNodeContents(node);
          const rect = range.getClientRects()[0];
          if (top !== undefined && rect && rect.top > top + 2) {
            lines.push(line);
            line = "";
          }
          if (rect) top = rect.top;
          line += node.textContent;
        }
        lines.push(line);
        return lines.slice(0, -1).some((l) => !l.endsWith("_")) ? [text] : [];
      }),
    );
    expect(broken).toEqual([]);

    // Its help text has long lines (the path): wrapped in the doc column, not clipped.
    await page.locator(".method-link").first().click();
    await page.getByLabel("Show the plain help() text", { exact: true }).check();
    const help = page.locator(".help-text");
    await help.waitFor();
    const { scrollWidth, clientWidth } = await help.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
