import { plainCopy } from "./convert.js";
import { headerInt } from "./header-int.js";
import type { Response } from "./response.js";

/**
 * A read-only array of `Response`s, for an API answer that is a JSON array.
 * Array methods (`map`, `filter`) return plain arrays.
 */
export class ListResponse extends Array<Response> {
  declare readonly headers: Headers | null;
  declare readonly json_data: unknown[];

  // Stryker disable next-line BlockStatement: equivalent; a species of undefined also makes array methods create plain arrays (ArraySpeciesCreate)
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** Builds a frozen ListResponse from converted items; arrays cannot be made any other cheap way. */
  static create(items: Response[], data: unknown[], headers: Headers | null): ListResponse {
    Object.setPrototypeOf(items, ListResponse.prototype);
    const list = items as ListResponse;
    Object.defineProperties(list, { headers: { value: headers }, json_data: { value: data } });
    return Object.freeze(list);
  }

  /** `X-RateLimit-Remaining` as an integer, or null. */
  get calls_remaining(): number | null {
    return headerInt(this.headers, "x-ratelimit-remaining");
  }

  /** `X-RateLimit-Limit` as an integer, or null. */
  get rate_limit(): number | null {
    return headerInt(this.headers, "x-ratelimit-limit");
  }

  /** A plain deep copy of the items. */
  json(snakeCase = true): unknown[] {
    return plainCopy(this.json_data, snakeCase) as unknown[];
  }
}
