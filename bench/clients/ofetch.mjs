import { ofetch } from "ofetch";
import { PAGES } from "../lib/json-server.mjs";
import { HEADERS } from "./auth.mjs";

/** ofetch, which civis uses underneath. */
export default {
  name: "ofetch",
  create: ({ baseUrl }) => ofetch.create({ baseURL: baseUrl, headers: HEADERS }),
  getOne: ($fetch) => $fetch("workflows/1"),
  async listAll($fetch) {
    let count = 0;
    for (let page = 1; page <= PAGES; page++) {
      const res = await $fetch.raw("workflows", { query: { limit: 10, page_num: page } });
      count += res._data.length;
      if (page >= Number(res.headers.get("x-pagination-total-pages"))) break;
    }
    return count;
  },
};
