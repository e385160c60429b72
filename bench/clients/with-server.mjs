/** A shallow copy of a spec that points at `baseUrl` (peers read the server from the spec). */
export function withServer(spec, baseUrl) {
  const url = new URL(baseUrl);
  if (spec.swagger) {
    return {
      ...spec,
      host: url.host,
      basePath: url.pathname.replace(/\/$/, ""),
      schemes: ["http"],
    };
  }
  return { ...spec, servers: [{ url: baseUrl.replace(/\/$/, "") }] };
}
