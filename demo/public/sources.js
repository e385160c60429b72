// Where the spec comes from: the built-in sample API, a URL, a local file, or a live API.
// The API key lives only in the client and in the closure of the current source: never in
// the URL, web storage or the console.

/* global civis */

/** The sample API served next to this page by demo/serve.mjs. */
export const SAMPLE_API_URL = new URL("api/", document.baseURI).href;
export const SAMPLE_API_KEY = "demo-key";
/** The same API's spec as a plain file (demo/serve.mjs), for the URL source. */
export const SAMPLE_SPEC_URL = new URL("sample-spec.json", document.baseURI).href;

const ORIGIN_LABELS = {
  download: "downloaded just now",
  memory: "from the in-memory cache",
  store: "from the IndexedDB cache",
  local: "given to the client directly (not cached)",
};

/** How the page says where a spec came from. */
export function originLabel(origin) {
  return ORIGIN_LABELS[origin] ?? origin;
}

function optional(text) {
  const trimmed = (text ?? "").trim();
  return trimmed === "" ? undefined : trimmed;
}

/** The client's own words for a request that got no answer (a browser says only "Failed to fetch"). */
export const NO_ANSWER =
  "Network error: the request failed before any answer (offline, DNS, or CORS?)";

async function fetchSpec(url, forceRefresh, signal) {
  let response;
  try {
    response = await fetch(url, {
      headers: { Accept: "application/json" },
      cache: forceRefresh ? "reload" : "default",
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`${NO_ANSWER} (GET ${url})`);
  }
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`.trim());
  }
  try {
    return await response.json();
  } catch {
    throw new Error(`${url} did not return JSON`);
  }
}

export async function readSpecFile(file) {
  const text = await file.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file.name} is not a JSON spec: ${error.message}`);
  }
}

/**
 * A source the page can (re)open. `open(clientOptions, forceRefresh)` resolves to a client;
 * `clientOptions.signal` (the status line's Cancel) ends a download and its retries.
 * @typedef {{ kind: "sample" | "url" | "file" | "live", label: string, refreshable: boolean,
 *   canFault: boolean, open: (shared: object, forceRefresh: boolean) => Promise<unknown> }} Source
 */

/** @returns {Source} */
export function sampleSource() {
  return {
    kind: "sample",
    label: `Built-in sample API (${SAMPLE_API_URL})`,
    refreshable: true,
    canFault: true,
    open: (shared, forceRefresh) =>
      civis.APIClient.create({
        ...shared,
        apiKey: SAMPLE_API_KEY,
        baseUrl: SAMPLE_API_URL,
        forceRefreshApiSpec: forceRefresh,
      }),
  };
}

/** @returns {Source} */
export function liveSource({ baseUrl, apiKey }) {
  const root = optional(baseUrl);
  if (!root) throw new Error("A live API needs its base URL");
  const url = new URL(root, document.baseURI).href;
  const key = optional(apiKey);
  return {
    kind: "live",
    label: `Live API (${url})`,
    refreshable: true,
    canFault: url === SAMPLE_API_URL,
    open: (shared, forceRefresh) =>
      civis.APIClient.create({
        ...shared,
        apiKey: key,
        baseUrl: url,
        forceRefreshApiSpec: forceRefresh,
      }),
  };
}

/** @returns {Source} */
export function urlSource({ specUrl, baseUrl, apiKey }) {
  const raw = optional(specUrl);
  if (!raw) throw new Error("Give the URL of a JSON spec");
  const url = new URL(raw, document.baseURI).href;
  const options = { apiKey: optional(apiKey), baseUrl: optional(baseUrl) };
  return {
    kind: "url",
    label: `Spec from ${url}`,
    refreshable: true,
    canFault: options.baseUrl === SAMPLE_API_URL,
    open: async ({ signal, ...shared }, forceRefresh) =>
      new civis.APIClient({
        ...shared,
        ...options,
        localApiSpec: await fetchSpec(url, forceRefresh, signal),
      }),
  };
}

/** @returns {Source} */
export function fileSource({ name, spec, baseUrl, apiKey }) {
  const options = { apiKey: optional(apiKey), baseUrl: optional(baseUrl) };
  return {
    kind: "file",
    label: `Spec file ${name}`,
    refreshable: false,
    canFault: options.baseUrl === SAMPLE_API_URL,
    open: async ({ signal: _unused, ...shared }) =>
      new civis.APIClient({ ...shared, ...options, localApiSpec: spec }),
  };
}
