// A small dashboard as a web app would write it: `civis` imported by name and bundled.
// The API root comes from the page's `?api=` so the test can point it at its server.
import { APIClient, help } from "civis";

const baseUrl = new URLSearchParams(location.search).get("api");

function show(id, text) {
  document.getElementById(id).textContent = text;
}

async function render() {
  const client = await APIClient.create({ apiKey: "demo-key", baseUrl });
  const me = await client.users.list_me();
  show("user", me.name);

  const list = document.getElementById("workflows");
  let count = 0;
  for await (const workflow of client.workflows.list({ iterator: true, limit: 50 })) {
    count += 1;
    const item = document.createElement("li");
    // Spec and API text is shown as text, never parsed as HTML.
    item.textContent = `${workflow.name} (${workflow.state})`;
    list.append(item);
  }
  show("count", String(count));
  show("help", help(client.workflows.list));
}

render().then(
  () => {
    document.body.dataset.state = "ready";
  },
  (error) => {
    show("error", String(error));
    document.body.dataset.state = "failed";
  },
);
