import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "./helpers/api-server.js";
import { ensureBuilt } from "./helpers/ask-shared.js";
import { hasChromium, useBrowser } from "./helpers/browser.js";
import type { SampleApiMethods, UmdWindow } from "./helpers/page-types.js";

import { type StaticServer, startStaticServer } from "./helpers/static-server.js";

const HOUR = 60 * 60 * 1000;
const KEYS = ["demo-key", "other-key"];

interface Connect {
  apiKey: string;
  baseUrl: string;
  specCacheTtlMs?: number;
}

/** In the page: a client as a user makes it, proven usable by one call. */
function connect(page: Page, options: Connect): Promise<string> {
  return page.evaluate(async (opts) => {
    const { APIClient } = (window as unknown as UmdWindow).civis;
    const client = await APIClient.create<SampleApiMethods>(opts);
    const me = await client.users.list_me();
    return String(me.username);
  }, options);
}

interface Entry {
  key: string;
  value: { savedAt: number; text: string };
}

/**
 * In the page: every entry of the package's IndexedDB database, raw. Only after a client
 * made it: opening a missing database here would create it without its object store.
 */
function readEntries(page: Page, backdateMs = 0): Promise<Entry[]> {
  return page.evaluate(async (shift) => {
    const request = indexedDB.open("civis-spec-cache");
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction("specs", "readwrite").objectStore("specs");
    const all = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const keys = await all(store.getAllKeys());
    const values = (await all(store.getAll())) as Entry["value"][];
    const entries = keys.map((key, i) => ({ key: String(key), value: values[i]! }));
    if (shift !== 0) {
      for (const { key, value } of entries) {
        await all(store.put({ ...value, savedAt: value.savedAt - shift }, key));
      }
    }
    db.close();
    return entries;
  }, backdateMs);
}

describe.skipIf(!hasChromium)("the spec cache in IndexedDB", () => {
  const session = useBrowser();
  let api: ApiServer;
  let site: StaticServer;
  const downloads = (apiKey: string) => api.count(apiKey, "GET /endpoints");

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
  });
  beforeEach(async () => {
    // Fresh counts per test; each test also has a fresh browser context (empty IndexedDB).
    await api?.close();
    api = await startApiServer(KEYS);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it("downloads once, then serves reloads from IndexedDB; another key downloads its own", async () => {
    const { page } = session;
    const baseUrl = api.url;
    await page.goto(`${site.url}umd.html`);
    expect(await connect(page, { apiKey: "demo-key", baseUrl })).toBe("demo.user");
    expect(await connect(page, { apiKey: "demo-key", baseUrl })).toBe("demo.user");
    expect(downloads("demo-key")).toBe(1);

    // A reload empties the page's memory: only IndexedDB can spare the download.
    await page.reload();
    expect(await connect(page, { apiKey: "demo-key", baseUrl })).toBe("demo.user");
    expect(downloads("demo-key")).toBe(1);

    expect(await connect(page, { apiKey: "other-key", baseUrl })).toBe("demo.user");
    expect(downloads("other-key")).toBe(1);
    expect(downloads("demo-key")).toBe(1);
    expect(await readEntries(page)).toHaveLength(2);
  });

  it("downloads again when the stored spec is older than specCacheTtlMs, and overwrites it", async () => {
    const { page } = session;
    const options = { apiKey: "demo-key", baseUrl: api.url, specCacheTtlMs: HOUR };
    await page.goto(`${site.url}umd.html`);
    await connect(page, options);
    await page.reload();
    await connect(page, options);
    expect(downloads("demo-key")).toBe(1);

    // Two hours old: fresh for the default 24 hours, expired for a 1-hour TTL.
    await readEntries(page, 2 * HOUR);
    await page.reload();
    await connect(page, { ...options, specCacheTtlMs: undefined });
    expect(downloads("demo-key")).toBe(1);
    await page.reload();
    await connect(page, options);
    expect(downloads("demo-key")).toBe(2);

    const [entry] = await readEntries(page);
    expect(Date.now() - entry!.value.savedAt).toBeLessThan(HOUR);
    await page.reload();
    await connect(page, options);
    expect(downloads("demo-key")).toBe(2);
  });

  it("stores neither API key nor its Base64 form, in keys or values", async () => {
    const { page } = session;
    await page.goto(`${site.url}umd.html`);
    for (const apiKey of KEYS) await connect(page, { apiKey, baseUrl: api.url });
    const entries = await readEntries(page);
    expect(entries).toHaveLength(2);
    const stored = JSON.stringify(entries);
    for (const apiKey of KEYS) {
      for (const secret of [
        apiKey,
        btoa(apiKey),
        btoa(`${apiKey}:`),
        btoa(`${apiKey}:`).replace(/=+$/, ""),
      ]) {
        expect(stored).not.toContain(secret);
      }
    }
    for (const { key } of entries) expect(key).toMatch(/^civis-spec:[0-9a-f]{64}$/);
  });
});

/** Ways IndexedDB fails in real browsers, simulated before any page script runs. */
const BROKEN_INDEXEDDB: Record<string, () => void> = {
  // Some private modes: opening throws at once.
  "open() throws": () => {
    IDBFactory.prototype.open = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
  },
  // Others: the open request fails later, with an error event.
  "the open request fails": () => {
    IDBFactory.prototype.open = () => {
      const request = {} as { error?: DOMException; onerror?: () => void } & IDBOpenDBRequest;
      setTimeout(() => {
        request.error = new DOMException("A mutation operation was attempted", "InvalidStateError");
        request.onerror?.();
      });
      return request;
    };
  },
  // A full disk: reads work, every write throws.
  "writes exceed the quota": () => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  },
};

describe.skipIf(!hasChromium)("IndexedDB that fails", () => {
  const session = useBrowser({ contextPerTest: true });
  let api: ApiServer;
  let site: StaticServer;

  beforeAll(async () => {
    await ensureBuilt();
    site = await startStaticServer();
  });
  beforeEach(async () => {
    await api?.close();
    api = await startApiServer();
  });
  afterAll(async () => {
    await Promise.all([api?.close(), site?.close()]);
  });

  it.each(Object.keys(BROKEN_INDEXEDDB))(
    "%s: the client falls back to memory and works",
    async (name) => {
      const { page } = session;
      await page.addInitScript(BROKEN_INDEXEDDB[name]!);
      await page.goto(`${site.url}umd.html`);
      const options = { apiKey: "demo-key", baseUrl: api.url };
      expect(await connect(page, options)).toBe("demo.user");
      expect(await connect(page, options)).toBe("demo.user");
      expect(api.count("demo-key", "GET /endpoints")).toBe(1);

      // Nothing could be kept across a reload: the spec is downloaded again, and still works.
      await page.reload();
      expect(await connect(page, options)).toBe("demo.user");
      expect(api.count("demo-key", "GET /endpoints")).toBe(2);
    },
  );
});
