import SwaggerClient from "swagger-client";
import { PAGES } from "../lib/json-server.mjs";
import { AUTH } from "./auth.mjs";
import { withServer } from "./with-server.mjs";

const addAuth = (req) => {
  req.headers.Authorization = AUTH;
  return req;
};

/** SmartBear's swagger-client; operations called by path and method (the specs have no operationIds). */
export default {
  name: "swagger-client",
  create: ({ spec, baseUrl }) =>
    SwaggerClient({ spec: withServer(spec, baseUrl), requestInterceptor: addAuth }),
  probe: (client, probe) => client.execute({ pathName: probe.path, method: probe.verb }),
  getOne: (client) =>
    client
      .execute({ pathName: "/workflows/{id}", method: "get", parameters: { id: 1 } })
      .then((res) => res.body),
  async listAll(client) {
    let count = 0;
    for (let page = 1; page <= PAGES; page++) {
      const res = await client.execute({
        pathName: "/workflows",
        method: "get",
        parameters: { limit: 10, page_num: page },
      });
      count += res.body.length;
      if (page >= Number(res.headers["x-pagination-total-pages"])) break;
    }
    return count;
  },
};
