// A file upload through civis/io's fileToCivis, with a progress bar in bytes. Files above
// 256 KB go in parts of 128 KB here, so the bar moves on the sample API as it would on S3.
import { h, replace } from "./dom.js";

export function mountUploadPanel(container, getClient) {
  const input = h("input", { id: "upload-file", type: "file" });
  const bar = h("progress", { id: "upload-progress", max: 1, value: 0 });
  const status = h("p", {
    id: "upload-status",
    class: "muted",
    role: "status",
    "aria-live": "polite",
  });
  const send = h("button", { type: "submit", class: "primary" }, "Upload");
  const form = h(
    "form",
    { id: "upload-form", class: "io-form" },
    h("label", { for: "upload-file" }, "File"),
    input,
    send,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const client = getClient();
    const file = input.files?.[0];
    if (!client || !file)
      return replace(status, client ? "Choose a file first." : "Load a spec first.");
    send.disabled = true;
    bar.value = 0;
    try {
      const id = await civis.io.fileToCivis(client, file, file.name, {
        multipartThreshold: 256 * 1024,
        partSize: 128 * 1024,
        onProgress: ({ loaded, total }) => {
          bar.max = total || 1;
          bar.value = loaded;
        },
      });
      replace(status, `Uploaded as file ${id}`);
    } catch (error) {
      replace(status, `${error.name}: ${error.message}`);
    } finally {
      send.disabled = false;
    }
  });
  replace(container, h("h2", {}, "Upload a file"), form, bar, status);
}
