/** Bytes of a request body sent so far, of how many (the whole body, form fields included). */
export type UploadBytes = (loaded: number, total: number) => void;

/** A status whose Response may not carry a body, even an empty one (fetch's "null body status"). */
export const isNullBodyStatus = (status: number): boolean =>
  status === 204 || status === 205 || status === 304;

/**
 * A `fetch` for presigned uploads in browsers, built on XMLHttpRequest: a browser's fetch
 * cannot report upload progress (a streamed request body needs HTTP/2 in Chromium), XHR's
 * `upload.onprogress` can. It answers as fetch does where `storageFetch` looks, so retries
 * and errors are the same: a Response (status and body; uploads read no header) for any
 * HTTP answer, a TypeError for a lost connection, the signal's reason for an abort. Like
 * fetch, it has no timeout of its own. Only what uploads send: a method, a URL, a body.
 */
export function xhrFetch(onUpload: UploadBytes): typeof fetch {
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      if (signal?.aborted) return reject(signal.reason);
      const xhr = new XMLHttpRequest();
      const abort = () => xhr.abort();
      xhr.open(init.method ?? "GET", String(url));
      xhr.responseType = "arraybuffer";
      // What onProgress throws reaches the caller at the request's end (ProgressReporter).
      xhr.upload.onprogress = (event) => {
        try {
          onUpload(event.loaded, event.total);
        } catch {}
      };
      xhr.onloadend = () => {
        signal?.removeEventListener("abort", abort);
        if (signal?.aborted) reject(signal.reason);
        else if (!xhr.status) reject(new TypeError("Failed to fetch"));
        else {
          // A status a Response cannot have (600) is refused as fetch refuses it; it threw
          // here, and the request never settled, as a body with a 204, 205 or 304 did.
          const { status, statusText, response } = xhr;
          try {
            resolve(
              new Response(isNullBodyStatus(status) ? null : response, {
                status,
                statusText,
              }),
            );
          } catch (error) {
            reject(new TypeError("Failed to fetch", { cause: error }));
          }
        }
      };
      signal?.addEventListener("abort", abort);
      xhr.send(init.body as XMLHttpRequestBodyInit);
    });
}
