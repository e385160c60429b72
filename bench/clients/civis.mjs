import { APIClient } from "../../dist/index.js";
import { API_KEY } from "./auth.mjs";

/** civis from the Node build, with its defaults (`returnType: "snake"`, retries on). */
export function civisAdapter(name, extraOptions = {}) {
  return {
    name,
    create: ({ spec, baseUrl }) =>
      new APIClient({ localApiSpec: spec, apiKey: API_KEY, baseUrl, ...extraOptions }),
    touch: (client, probe) => client[probe.civis[0]][probe.civis[1]],
    probe: (client, probe) => client[probe.civis[0]][probe.civis[1]](),
    getOne: (client) => client.workflows.get(1),
    async listAll(client) {
      let count = 0;
      for await (const _ of client.workflows.list({ iterator: true, limit: 10 })) count++;
      return count;
    },
  };
}

export default civisAdapter("civis");
