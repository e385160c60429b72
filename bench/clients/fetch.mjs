import { PAGES } from "../lib/json-server.mjs";
import { HEADERS } from "./auth.mjs";

/** Node's global fetch by hand: the floor for a call. */
export default {
  name: "fetch",
  create: ({ baseUrl }) => ({ baseUrl }),
  getOne: ({ baseUrl }) =>
    fetch(`${baseUrl}workflows/1`, { headers: HEADERS }).then((r) => r.json()),
  async listAll({ baseUrl }) {
    let count = 0;
    for (let page = 1; page <= PAGES; page++) {
      const res = await fetch(`${baseUrl}workflows?limit=10&page_num=${page}`, {
        headers: HEADERS,
      });
      count += (await res.json()).length;
      if (page >= Number(res.headers.get("x-pagination-total-pages"))) break;
    }
    return count;
  },
};
