import type { ServerResponse } from "node:http";
import { type Handler, type RecordedRequest, sendJson } from "../../helpers/http-server.js";

/** An answer: status, body and headers. */
export interface Answer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

type Route = (req: RecordedRequest, url: URL) => Answer | Promise<Answer>;

/**
 * A handler from `"METHOD /path"` routes (path without the query); anything else is a 404
 * with the API's error body, as Civis answers an unknown id.
 */
export function routes(table: Record<string, Route>): Handler {
  return async (req: RecordedRequest, res: ServerResponse) => {
    const url = new URL(req.url, "http://localhost");
    const route = table[`${req.method} ${url.pathname}`];
    const answer: Answer = route
      ? await route(req, url)
      : {
          status: 404,
          body: {
            error: "not_found",
            errorDescription: "The requested resource could not be found.",
            code: 404,
          },
        };
    sendJson(res, answer.status ?? 200, answer.body, answer.headers);
  };
}

/** Answers the given bodies in turn, then the last one again and again. */
export function sequence(...answers: Answer[]): Route {
  let i = 0;
  return () => answers[Math.min(i++, answers.length - 1)] as Answer;
}
