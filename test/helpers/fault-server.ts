import { EventEmitter, once } from "node:events";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { listenOnLoopback } from "./listen.js";

/** How the server answers one request. */
export interface Fault {
  /** Default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON. Nothing when undefined. */
  readonly body?: unknown;
  /** Waits this long before answering (or dropping). */
  readonly delayMs?: number;
  /** Destroys the socket instead of answering: the client sees a connection reset. */
  readonly drop?: boolean;
  /** Sends the headers and the first half of the body, then nothing more (until closed). */
  readonly stallBody?: boolean;
  /** Sends the headers and the first half of the body, then destroys the socket. */
  readonly resetMidBody?: boolean;
}

/** A request as it arrived, body bytes included. */
export interface ArrivedRequest {
  /** 0-based position among every request this server saw. */
  readonly index: number;
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** Path without the query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Decides the answer to a request that no scripted fault is left for. */
export type Responder = (req: ArrivedRequest) => Fault | Promise<Fault>;

export interface FaultServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly requests: readonly ArrivedRequest[];
  /** Queues answers played in order, one per request, before the responder is asked. */
  script(...faults: Fault[]): void;
  /** Replaces the responder (default: 200 with `{}`). */
  respond(responder: Responder): void;
  /** Requests seen, optionally only those of one method and/or path. */
  count(filter?: { readonly method?: string; readonly path?: string }): number;
  /** Resolves once `n` requests in all have arrived (body read). */
  arrived(n: number): Promise<void>;
  /** Forgets requests and scripted answers; keeps the responder. */
  reset(): void;
  close(): Promise<void>;
}

function write(res: ServerResponse, fault: Fault): void {
  if (res.destroyed) return;
  const text =
    fault.body === undefined
      ? ""
      : typeof fault.body === "string"
        ? fault.body
        : JSON.stringify(fault.body);
  const headers = { "Content-Type": "application/json", ...fault.headers };
  if (!fault.stallBody && !fault.resetMidBody) {
    res.writeHead(fault.status ?? 200, headers);
    res.end(text);
    return;
  }
  // The length promises the whole body, so the client waits for the rest.
  const bytes = Buffer.from(text.length > 1 ? text : "{}");
  res.writeHead(fault.status ?? 200, { ...headers, "Content-Length": String(bytes.length) });
  res.write(bytes.subarray(0, bytes.length >> 1), () => {
    if (fault.resetMidBody) res.socket?.destroy();
  });
}

/**
 * A real HTTP server on 127.0.0.1, port 0, that plays scripted faults (status,
 * headers, body, delay, dropped connection) and records every request.
 */
export async function startFaultServer(
  responder: Responder = () => ({ body: {} }),
): Promise<FaultServer> {
  let current = responder;
  let queue: Fault[] = [];
  let requests: ArrivedRequest[] = [];
  let seen = 0;
  const events = new EventEmitter();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? "";
    const arrived: ArrivedRequest = {
      index: seen++,
      method: req.method ?? "",
      url,
      path: url.split("?")[0] ?? url,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(arrived);
    events.emit("request");
    const fault = queue.shift() ?? (await current(arrived));
    const play = () => {
      if (fault.drop) req.socket.destroy();
      else write(res, fault);
    };
    if (!fault.delayMs) {
      play();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      play();
    }, fault.delayMs);
    timers.add(timer);
  });
  const listening = await listenOnLoopback(server);

  return {
    url: listening.url,
    get requests() {
      return requests;
    },
    script(...faults) {
      queue.push(...faults);
    },
    respond(next) {
      current = next;
    },
    count(filter = {}) {
      return requests.filter(
        (r) =>
          (filter.method === undefined || r.method === filter.method) &&
          (filter.path === undefined || r.path === filter.path),
      ).length;
    },
    async arrived(n) {
      while (requests.length < n) await once(events, "request");
    },
    reset() {
      requests = [];
      queue = [];
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await listening.close();
    },
  };
}
