// The targets and the peers' figures from issue 6, in one place.

export const TARGETS = {
  buildCivisToParse: { max: 0.25, text: "≤ 0.25x JSON.parse" },
  swaggerToCivisBuild: { min: 50, text: "swagger-client ≥ 50x slower" },
  buildGithubToParse: { max: 0.1, text: "≤ 0.1x JSON.parse" },
  heapCivisMiB: { max: 0.3, text: "≤ 0.3 MiB" },
  callToFetch: { max: 1.1, text: "≤ 1.10x fetch" },
  fanOutToFetch: { max: 1.1, text: "≤ 1.10x fetch (issue 14)" },
  umdGzipBytes: { max: 10 * 1024, text: "≤ 10 KB gzip" },
  warmToParse: { max: 1.5, text: "≤ 1.5x JSON.parse in the page" },
};

/** True, false, or undefined when there is no figure to judge. */
export function meets(target, value) {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (target.max !== undefined && value > target.max) return false;
  if (target.min !== undefined && value < target.min) return false;
  return true;
}

/** What the issue measured for the peers (Node 20, 2 cores, medians of 7 processes). */
export const ISSUE_FIGURES = {
  build: {
    civis: { "swagger-client": "470 ms", "openapi-client-axios": "1,457 ms", parse: "20 ms" },
    github: { "swagger-client": "2,006 ms", "openapi-client-axios": "3,138 ms", parse: "109 ms" },
  },
  heap: { "swagger-client": "1.2 MiB", "openapi-client-axios": "4.4 MiB" },
  calls: {
    "swagger-client": { seqUs: "3.3x", c16Us: "4.6x" },
    "openapi-client-axios": { seqUs: "1.3x", c16Us: "1.3x" },
    ofetch: { seqUs: "1.03x", c16Us: "1.10x" },
  },
  size: {
    "swagger-client": "155 KB",
    "openapi-client-axios + axios": "43 KB",
    ofetch: "4.1 KB",
    "idb-keyval (createStore, get, set, del)": "0.4 KB",
  },
};
