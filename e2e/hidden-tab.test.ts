import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

interface PollingPage {
  polls: number;
  start(baseUrl: string): Promise<void>;
  stop(): Promise<string>;
  setHidden(hidden: boolean): void;
}

describe.skipIf(!hasChromium)("a future in a hidden browser tab", () => {
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

  it("waits for the 15 s cap between polls while hidden, and polls at once when shown again", async () => {
    const { page } = session;
    await page.goto(`${site.url}hidden-tab.html`);
    await page.evaluate(async (baseUrl) => {
      const w = window as unknown as PollingPage & typeof globalThis;
      const { civis } = w as unknown as {
        civis: {
          APIClient: { create(o: object): Promise<object> };
          runJob(c: object, id: number, o: object): PromiseLike<unknown> & { done(): boolean };
        };
      };
      w.polls = 0;
      const controller = new AbortController();
      const client = await civis.APIClient.create({ apiKey: "demo-key", baseUrl });
      // Job 304 runs for an hour: it never ends while the test watches.
      const future = civis.runJob(client, 304, {
        pollingIntervalMs: 20,
        signal: controller.signal,
        onUpdate: () => {
          w.polls++;
        },
      });
      w.stop = async () => {
        controller.abort(new Error("stopped"));
        return future.then(
          () => "resolved",
          (e: Error) => e.message,
        );
      };
    }, api.url);

    const polls = () => page.evaluate(() => (window as unknown as PollingPage).polls);
    // The first poll is at once, hidden or not.
    await expect.poll(polls).toBe(1);
    // 25 intervals of 20 ms: a visible tab would have polled again many times by now.
    await page.waitForTimeout(500);
    expect(await polls()).toBe(1);

    await page.evaluate(() => (window as unknown as PollingPage).setHidden(false));
    // Shown again: the wait shortens to the 20 ms interval at once, and polling carries on.
    await expect.poll(polls).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as unknown as PollingPage).stop())).toBe("stopped");
  });
});
