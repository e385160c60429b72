import { OpenAPIClientAxios } from "openapi-client-axios";
import { PAGES } from "../lib/json-server.mjs";
import { HEADERS } from "./auth.mjs";

/** openapi-client-axios (with axios); without operationIds, methods live under `client.paths`. */
export default {
  name: "openapi-client-axios",
  create: ({ spec, baseUrl }) =>
    new OpenAPIClientAxios({
      definition: spec,
      axiosConfigDefaults: { baseURL: baseUrl, headers: HEADERS },
    }).init(),
  probe: (client, probe) => client.paths[probe.path][probe.verb](),
  getOne: (client) => client.paths["/workflows/{id}"].get({ id: 1 }).then((res) => res.data),
  async listAll(client) {
    let count = 0;
    for (let page = 1; page <= PAGES; page++) {
      const res = await client.paths["/workflows"].get({ limit: 10, page_num: page });
      count += res.data.length;
      if (page >= Number(res.headers["x-pagination-total-pages"])) break;
    }
    return count;
  },
};
