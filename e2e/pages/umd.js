// What a <script>-tag user writes: only the global `civis` from civis.umd.min.js.
// The test calls `runCivis(baseUrl)`; the page shows what it printed.

window.runCivis = async (baseUrl) => {
  const { APIClient, Response, help } = window.civis;
  const client = await APIClient.create({ apiKey: "demo-key", baseUrl });

  const me = await client.users.list_me();

  const names = [];
  for await (const workflow of client.workflows.list({ iterator: true, limit: 50 })) {
    names.push(workflow.name);
  }

  const helpText = help(client.workflows.list);
  document.getElementById("output").textContent = helpText;
  return {
    username: me.username,
    isResponse: me instanceof Response,
    workflowCount: names.length,
    firstWorkflow: names[0],
    helpText,
    clientHelp: help(client),
  };
};
