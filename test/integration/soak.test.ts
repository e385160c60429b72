import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APIClient,
  CivisAPIError,
  CivisNetworkError,
  type CivisResource,
} from "../../src/index.js";
import {
  type ArrivedRequest,
  type Fault,
  type FaultServer,
  startFaultServer,
} from "../helpers/fault-server.js";

// Override to replay another run: SOAK_SEED=123 npx vitest run test/integration/soak.test.ts
const SEED = Number(process.env.SOAK_SEED ?? 20_240_611);
const CALLS = 2000;
const CONCURRENCY = 16;
const MAX_ATTEMPTS = 4;

const SPEC = {
  openapi: "3.0.3",
  info: { title: "soak", version: "1" },
  paths: {
    "/items": {
      post: {
        requestBody: {
          content: {
            "application/json": {
              schema: { type: "object", properties: { token: { type: "string" } } },
            },
          },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/items/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

/** A uniform draw in [0, 1) that depends only on the seed and the words given (FNV-1a + mulberry32). */
function draw(...words: (string | number)[]): number {
  let h = 0x811c9dc5 ^ SEED;
  for (const char of words.join("|")) {
    h ^= char.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

/** Picks by cumulative weight. */
function pick<T>(r: number, table: readonly (readonly [number, T])[]): T {
  let edge = 0;
  for (const [weight, value] of table) {
    edge += weight;
    if (r < edge) return value;
  }
  return table[table.length - 1]![1];
}

// What a GET attempt meets. Drawn per (call, attempt), so any interleaving gives the same script.
const GET_FAULTS: readonly (readonly [number, Fault | "ok"])[] = [
  [0.5, "ok"],
  [0.04, { status: 200, delayMs: 3, body: "slow" }],
  [0.1, { status: 503 }],
  [0.05, { status: 503, headers: { "Retry-After": "0" } }],
  [0.05, { status: 502 }],
  [0.05, { status: 504 }],
  [0.04, { status: 429, headers: { "Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT" } }],
  [0.03, { status: 429, headers: { "Retry-After": "1.5" } }],
  [0.06, { drop: true }],
  [0.02, { drop: true, delayMs: 2 }],
  [0.02, { status: 413 }],
  [0.02, { status: 500 }],
  [0.02, { status: 404 }],
];

/** A POST attempt: refused before applying (429/503), or applied and then any answer at all. */
type PostFate =
  | { readonly applied: false; readonly fault: Fault }
  | { readonly applied: true; readonly fault: Fault };
const POST_FATES: readonly (readonly [number, PostFate])[] = [
  [0.5, { applied: true, fault: { status: 201 } }],
  [0.15, { applied: false, fault: { status: 503 } }],
  [0.1, { applied: false, fault: { status: 429, headers: { "Retry-After": "0" } } }],
  [0.08, { applied: true, fault: { drop: true } }],
  [0.06, { applied: true, fault: { status: 502 } }],
  [0.06, { applied: true, fault: { status: 504 } }],
  [0.05, { applied: true, fault: { status: 500 } }],
];

function getFault(id: string, attempt: number): Fault {
  const fault = pick(draw("get", id, attempt), GET_FAULTS);
  if (fault === "ok") return { body: { id: Number(id) } };
  return fault.body === "slow" ? { ...fault, body: { id: Number(id) } } : fault;
}

/** The documented end of a GET, worked out from its script by the rules alone. */
function expectedGet(id: string): { status: number | "network" | "ok"; attempts: number } {
  for (let attempt = 1; ; attempt++) {
    const fault = getFault(id, attempt);
    const status = fault.drop ? "network" : (fault.status ?? 200);
    if (status === 200) return { status: "ok", attempts: attempt };
    const retryable = status === "network" || [429, 502, 503, 504].includes(status);
    if (!retryable || attempt === MAX_ATTEMPTS) return { status, attempts: attempt };
  }
}

let server: FaultServer;
const attemptsOf = new Map<string, number>();
const applied = new Map<string, number>();

function respond(req: ArrivedRequest): Fault {
  if (req.method === "GET") {
    const id = req.path.split("/").pop() ?? "";
    const attempt = (attemptsOf.get(req.url) ?? 0) + 1;
    attemptsOf.set(req.url, attempt);
    return getFault(id, attempt);
  }
  const { token } = JSON.parse(req.body.toString("utf8")) as { token: string };
  const attempt = (attemptsOf.get(token) ?? 0) + 1;
  attemptsOf.set(token, attempt);
  const fate = pick(draw("post", token, attempt), POST_FATES);
  if (fate.applied) applied.set(token, (applied.get(token) ?? 0) + 1);
  return fate.applied && fate.fault.status === 201
    ? { ...fate.fault, body: { token } }
    : fate.fault;
}

beforeAll(async () => {
  server = await startFaultServer(respond);
});
afterAll(() => server.close());

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

describe("soak: random faults under load", () => {
  it(`${CALLS} calls at concurrency ${CONCURRENCY} end as documented (seed ${SEED})`, async () => {
    const client = new APIClient<{ readonly items: CivisResource }>({
      localApiSpec: SPEC,
      baseUrl: server.url,
      apiKey: "soak-key",
      returnType: "json",
      retries: { maxAttempts: MAX_ATTEMPTS, backoff: () => 1 },
    });
    const calls = Array.from({ length: CALLS }, (_, i) => ({
      kind: draw("kind", i) < 0.7 ? ("GET" as const) : ("POST" as const),
      key: String(i),
    }));
    const outcomes: Outcome[] = new Array(CALLS);
    let next = 0;
    let inFlight = 0;
    let peak = 0;
    const worker = async () => {
      while (next < CALLS) {
        const i = next++;
        const { kind, key } = calls[i]!;
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          const value =
            kind === "GET"
              ? await client.items.get(Number(key))
              : await client.items.post({ token: `t${key}` });
          outcomes[i] = { ok: true, value };
        } catch (error) {
          outcomes[i] = { ok: false, error };
        } finally {
          inFlight--;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = performance.now() - started;

    expect(peak).toBe(CONCURRENCY);
    const tally = { getOk: 0, getFailed: 0, postOk: 0, postFailed: 0 };
    calls.forEach(({ kind, key }, i) => {
      const outcome = outcomes[i]!;
      if (kind === "GET") {
        const expected = expectedGet(key);
        const seen = attemptsOf.get(`/items/${key}`);
        if (outcome.ok) {
          tally.getOk++;
          expect({ key, value: outcome.value, seen }).toEqual({
            key,
            value: { id: Number(key) },
            seen: expected.attempts,
          });
          expect(expected.status).toBe("ok");
          return;
        }
        tally.getFailed++;
        const { error } = outcome;
        const status =
          error instanceof CivisNetworkError ? "network" : (error as CivisAPIError).status_code;
        expect(error instanceof CivisAPIError || error instanceof CivisNetworkError).toBe(true);
        expect({ key, status, attempts: (error as CivisAPIError).attempts, seen }).toEqual({
          key,
          status: expected.status,
          attempts: expected.attempts,
          seen: expected.attempts,
        });
        return;
      }
      const token = `t${key}`;
      const times = applied.get(token) ?? 0;
      // The point of the POST rules: never applied twice, whatever happened on the wire.
      expect({ token, times: Math.min(times, 1) }).toEqual({ token, times });
      if (outcome.ok) {
        tally.postOk++;
        expect({ token, times, value: outcome.value }).toEqual({
          token,
          times: 1,
          value: { token },
        });
      } else {
        tally.postFailed++;
        const error = outcome.error as CivisAPIError | CivisNetworkError;
        expect(error instanceof CivisAPIError || error instanceof CivisNetworkError).toBe(true);
        expect(error.attempts).toBe(attemptsOf.get(token));
      }
    });
    // Said only when it fails, so a passing run prints nothing.
    const summary = `soak (seed ${SEED}): ${CALLS} calls, ${server.requests.length} requests in ${Math.round(elapsed)} ms; ${JSON.stringify(tally)}`;
    // The seed gives every kind of ending, so the run proves something about each.
    expect(Math.min(...Object.values(tally)), summary).toBeGreaterThan(20);
    expect(server.requests.length, summary).toBeGreaterThan(CALLS * 1.3);
  }, 120_000);
});
