// A very small in-memory SQL engine for the sample database, enough for the demo and tests,
// not a database: `select <* | columns> from <schema>.<table> [limit n]`, and selects of
// literals without `from` (`select 1 as one, 'a' as letter`). Anything else is the kind of
// error a database gives (`syntax error at or near ...`, `relation ... does not exist`).

/** A table: column names, and rows of strings (CSV's view of every value). */
export interface SampleTable {
  columns: string[];
  rows: string[][];
}

export interface SqlResult {
  columns: string[];
  rows: string[][];
}

/** The database's error, as a run's `error` shows it. */
export class SqlError extends Error {
  override readonly name = "SqlError";
}

const FROM = /^select\s+(.+?)\s+from\s+("?[\w]+"?(?:\."?[\w]+"?)?)(?:\s+limit\s+(\d+))?$/is;
const LITERALS = /^select\s+(.+?)(?:\s+limit\s+(\d+))?$/is;

const unquote = (name: string) => name.replace(/"/g, "").toLowerCase();

/** Runs one statement against the tables (keyed "schema.table", lower case). */
export function runSql(sql: string, tables: ReadonlyMap<string, SampleTable>): SqlResult {
  const text = sql.trim().replace(/;\s*$/, "");
  if (!/^select\b/i.test(text)) {
    throw new SqlError(`syntax error at or near "${text.split(/\s+/)[0] ?? ""}"`);
  }
  const from = FROM.exec(text);
  if (from) {
    const [, list = "", name = "", limit] = from;
    const key = unquote(name);
    const table = tables.get(key.includes(".") ? key : `public.${key}`);
    if (!table) throw new SqlError(`relation "${key}" does not exist`);
    const wanted =
      list.trim() === "*" ? table.columns : list.split(",").map((c) => unquote(c.trim()));
    const indexes = wanted.map((column) => {
      const index = table.columns.indexOf(column);
      if (index === -1) throw new SqlError(`column "${column}" does not exist`);
      return index;
    });
    const rows = table.rows.slice(0, limit === undefined ? undefined : Number(limit));
    return { columns: wanted, rows: rows.map((row) => indexes.map((i) => row[i] ?? "")) };
  }
  const literals = LITERALS.exec(text);
  const items = literals?.[1]?.split(",").map((item) => item.trim()) ?? [];
  const columns: string[] = [];
  const row: string[] = [];
  items.forEach((item, i) => {
    const match = /^('(?:[^']|'')*'|-?\d+(?:\.\d+)?|null|true|false)(?:\s+as\s+(\w+))?$/i.exec(
      item,
    );
    if (!match) throw new SqlError(`syntax error at or near "${item.split(/\s+/)[0]}"`);
    const value = match[1]!;
    row.push(
      value.startsWith("'")
        ? value.slice(1, -1).replace(/''/g, "'")
        : value.toLowerCase() === "null"
          ? ""
          : value,
    );
    columns.push(match[2]?.toLowerCase() ?? (i === 0 ? "?column?" : `?column?${i}`));
  });
  if (!columns.length) throw new SqlError("syntax error at end of input");
  return { columns, rows: literals?.[2] === "0" ? [] : [row] };
}

/** The sample database's tables. */
export function seedTables(): Map<string, SampleTable> {
  const cities = ["Chicago", "Austin", "Denver", "Boston", "Seattle", "Atlanta"];
  const names = ["Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara", "Donald", "Frances"];
  const people: string[][] = [];
  for (let i = 1; i <= 40; i++) {
    const note =
      i === 3
        ? 'likes "quotes", and commas'
        : i === 5
          ? "two\nlines"
          : i % 4 === 0
            ? ""
            : `volunteer ${i}`;
    people.push([
      String(i),
      `${names[i % names.length]} ${i}`,
      cities[i % cities.length]!,
      note,
      String(18 + ((i * 7) % 60)),
    ]);
  }
  return new Map([
    ["sample.people", { columns: ["id", "name", "city", "note", "age"], rows: people }],
    [
      "sample.cities",
      {
        columns: ["city", "state", "population"],
        rows: [
          ["Chicago", "IL", "2746388"],
          ["Austin", "TX", "961855"],
          ["Denver", "CO", "715522"],
          ["Boston", "MA", "675647"],
          ["Seattle", "WA", "737015"],
          ["Atlanta", "GA", "498715"],
        ],
      },
    ],
  ]);
}
