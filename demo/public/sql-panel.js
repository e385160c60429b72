// The SQL box: a query against the sample database through civis/io's readCivisSql, the rows
// as a table (text, never HTML), and a link to download them as CSV.
import { h, replace } from "./dom.js";

const csvCell = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Mounts the panel in `container`; `getClient()` gives the current client, or none. */
export function mountSqlPanel(container, getClient) {
  const sql = h(
    "textarea",
    { id: "sql-text", rows: 3, spellcheck: false },
    "select * from sample.people limit 10",
  );
  const database = h("input", { id: "sql-database", value: "redshift-general", spellcheck: false });
  const run = h("button", { type: "submit", class: "primary" }, "Run");
  const status = h("p", {
    id: "sql-status",
    class: "muted",
    role: "status",
    "aria-live": "polite",
  });
  const result = h("div", { id: "sql-result", class: "sql-result" });
  let link;
  const form = h(
    "form",
    { id: "sql-form", class: "io-form" },
    h("label", { for: "sql-text" }, "SQL"),
    sql,
    h("label", { for: "sql-database" }, "Database"),
    database,
    run,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const client = getClient();
    if (!client) return replace(status, "Load a spec first.");
    run.disabled = true;
    replace(result);
    replace(status, "Running…");
    try {
      const rows = await civis.io.readCivisSql(client, sql.value, database.value, {
        pollingIntervalMs: 300,
      });
      const [header = [], ...body] = rows;
      replace(
        result,
        h(
          "table",
          { id: "sql-table" },
          h("thead", {}, h("tr", {}, ...header.map((name) => h("th", {}, name)))),
          h(
            "tbody",
            {},
            ...body.map((row) => h("tr", {}, ...row.map((value) => h("td", {}, value)))),
          ),
        ),
      );
      if (link) URL.revokeObjectURL(link);
      const text = rows.map((row) => row.map(csvCell).join(",")).join("\n");
      link = URL.createObjectURL(new Blob([`${text}\n`], { type: "text/csv" }));
      replace(
        status,
        `${body.length} rows `,
        h("a", { id: "sql-download", href: link, download: "result.csv" }, "Download CSV"),
      );
    } catch (error) {
      replace(status, `${error.name}: ${error.message}`);
    } finally {
      run.disabled = false;
    }
  });
  replace(container, h("h2", {}, "SQL"), form, status, result);
}
