import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import { type DemoServer, openDemo, startDemoServer } from "./helpers/demo-page.js";

describe.skipIf(!hasChromium)("the demo's Run a job panel", () => {
  const session = useBrowser();
  let demo: DemoServer;

  beforeAll(async () => {
    await ensureBuilt();
    // The sample API's clock runs 4x fast: job 301 takes a little over a second.
    const start = Date.now();
    demo = await startDemoServer({ now: () => start + (Date.now() - start) * 4 });
  });
  afterAll(async () => {
    await demo?.close();
  });

  async function openPanel(jobId: number): Promise<void> {
    const { page } = session;
    await openDemo(page, demo.url);
    await page.locator("#jobs-panel summary").click();
    await page.getByTestId("job-id").fill(String(jobId));
    await page
      .locator("#jobs-panel-body")
      .getByRole("button", { name: "Run", exact: true })
      .click();
  }

  it("runs a job and shows its state, elapsed time, growing log and outputs", async () => {
    const { page } = session;
    await openPanel(301);
    const state = page.getByTestId("job-state");
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe("succeeded");
    // The log is followed on its own, so its last line may land just after the final state.
    await expect
      .poll(() => page.getByTestId("job-log").textContent())
      .toBe(
        [
          "Container started",
          "Reading voters_2024 (1,204,332 rows)",
          "Matching addresses: 38% done",
          "Matching addresses: 81% done",
          "Writing voters_clean",
          "Done: 1,198,207 rows written",
          "",
        ].join("\n"),
      );
    await expect
      .poll(() => page.getByTestId("job-outputs").locator("li").allTextContents())
      .toEqual(["File match_report.csv", 'JSONValue summary = {"rows":1198207,"dropped":6125}']);
    expect(await page.getByTestId("job-elapsed").textContent()).toMatch(/^\d+\.\d s$/);
    expect(await page.getByTestId("job-link").getAttribute("href")).toMatch(
      new RegExp(`^${demo.url}spa/#/jobs/301\\?runId=\\d+$`),
    );
    // Several polls, each a GET of the run: the panel watched it move.
    expect(Object.keys(demo.api.stats).some((k) => /^GET \/jobs\/301\/runs\/\d+$/.test(k))).toBe(
      true,
    );
  });

  it("shows a failed run's error", async () => {
    const { page } = session;
    session.allowConsoleError(/Failed to load resource/);
    await openPanel(302);
    await expect
      .poll(() => page.getByTestId("job-error").textContent(), { timeout: 15_000 })
      .toMatch(/^Job 302 run \d+ failed: Model training failed: table scores.turnout has 0 rows.$/);
    expect(await page.getByTestId("job-state").textContent()).toBe("failed");
  });

  it("cancels a long run with the Cancel button", async () => {
    const { page } = session;
    session.allowConsoleError(/Failed to load resource/);
    await openPanel(304);
    const state = page.getByTestId("job-state");
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe("running");
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe("cancelled");
    // The panel shows the state from the last poll before the future's failure text arrives.
    await expect
      .poll(() => page.getByTestId("job-error").textContent(), { timeout: 15_000 })
      .toMatch(/failed: /);
    await expect.poll(() => page.getByRole("button", { name: "Cancel" }).isDisabled()).toBe(true);
  });
});
