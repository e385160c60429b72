/** `civis --help`: needs no spec and no network. */
export const USAGE = `Usage: civis <command> [options]

Commands
  civis <resource> <method> [path params...] [--name value ...]
                          call the API: civis workflows list_executions 1 --limit 5
  civis help [resource [method]]
                          the help() text of the API, a resource or a method
  civis jobs run ID [--wait]
                          start a run of a job; --wait follows it (progress on stderr,
                          exit 1 with the failure's text if it fails)
  civis jobs follow-log ID [RUN_ID]
                          print a run's log as it appears (default: the latest run)
  civis sql "select ..." --database NAME
                          run SQL (civis/io's readCivisSql) and print the rows;
                          --output csv prints them as they arrive
  civis files upload PATH [--name N]
                          upload a file and print its id (progress on stderr)
  civis files download ID [PATH]
                          download a file (default: its own name, in this folder)
  civis spec [--out file] download the API spec (print it, or write it to a file)
  civis typegen [--spec file-or-url] [--out civis-api.d.ts] [--check]
                          write TypeScript types for APIClient.create<CivisApi>()

Call options
  --name value            an API parameter, in snake_case or kebab-case; the value is
                          read as JSON when it parses (5, true, ["a"]), else as text;
                          repeat a flag for an array
  --json-body '{...}'     parameters (or the whole body) as one JSON object
  --iterator              every page of a paginated list
  --output json|raw|table pretty JSON with snake_case keys (default), the body as
                          sent, or a table (civis sql: also csv)

Options
  --api-key key           the API key (default: CIVIS_API_KEY); shows in the process list,
                          so prefer the variable or --api-key-file
  --api-key-file file     read the API key from a file (default: CIVIS_API_KEY)
  --base-url url          the API (default: CIVIS_API_ENDPOINT, else the Civis API)
  --spec file-or-url      use this spec instead of the API's (typegen, help, calls)
  --refresh               download the spec even if the cached one is fresh
  --type-name name        typegen: the interface's name (default CivisApi)
  --version               print the version

The spec is cached for 24 hours under $XDG_CACHE_HOME/civis (else ~/.cache/civis).
CIVIS_POLL_MS=N: jobs run --wait, jobs follow-log and sql check a run every N ms
(default: after 1 s, then less often, up to 15 s apart; logs every 5 s).
Exit codes: 0 done, 1 the API or the network failed, 2 the command line is wrong.`;
