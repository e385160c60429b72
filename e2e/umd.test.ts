import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

interface UmdResult {
  username: string;
  isResponse: boolean;
  workflowCount: number;
  firstWorkflow: string;
  helpText: string;
  clientHelp: string;
}

describe.skipIf(!hasChromium)("a page that loads civis.umd.min.js with a <script> tag", () => {
  const session = useBrowser();
  let api: ApiServer;
  let site: StaticServer;

  beforeAll(async () => {
    await ensureBuilt();
    [api, site] = await Promise.all([startApiServer(), startStaticServer()]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it("creates a client, calls a method, iterates 3 pages and prints help()", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const result = await page.evaluate(
      (baseUrl) =>
        (window as unknown as { runCivis(url: string): Promise<UmdResult> }).runCivis(baseUrl),
      api.url,
    );

    expect(result.username).toBe("demo.user");
    expect(result.isResponse).toBe(true);
    // 120 unarchived workflows at 50 a page: exactly 3 page requests, none extra.
    expect(result.workflowCount).toBe(120);
    expect(api.count("demo-key", "GET /workflows")).toBe(3);
    expect(api.count("demo-key", "GET /endpoints")).toBe(1);
    expect(result.helpText).toContain("API URL: GET /workflows");
    expect(result.helpText).toContain("page_num : integer, optional");
    expect(result.clientHelp).toMatch(/workflows\s+\d+ methods/);
    expect(await page.textContent("#output")).toBe(result.helpText);
  });

  it("exposes the documented names on the global `civis`", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    const names = await page.evaluate(() =>
      Object.keys((window as unknown as { civis: object }).civis).sort(),
    );
    for (const name of [
      "APIClient",
      "CivisAPIError",
      "CivisAPIKeyError",
      "CivisFuture",
      "CivisJobFailure",
      "ListResponse",
      "PaginatedResponse",
      "Response",
      "camelToSnake",
      "find",
      "findOne",
      "getApiSpec",
      "help",
      "jobLogs",
      "runJob",
      "runTemplate",
    ]) {
      expect(names).toContain(name);
    }
    // Writing files is Node's business: the browser builds do not carry it.
    expect(names).not.toContain("cacheApiSpec");
  });
});
