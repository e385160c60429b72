import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** A folder for generated declarations and the usage files that import them. */
export interface TypeWorkspace {
  readonly dir: string;
  write(name: string, text: string): string;
  remove(): void;
}

export function typeWorkspace(): TypeWorkspace {
  const dir = mkdtempSync(join(tmpdir(), "civis-typegen-"));
  return {
    dir,
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A user's strict project, with `civis` mapped to this repository's source. */
export function strictOptions(): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: ["node"],
    typeRoots: [join(root, "node_modules/@types")],
    // The generated file is a declaration file: skipLibCheck would skip exactly it.
    skipLibCheck: false,
    paths: { civis: [join(root, "src/index.ts")] },
  };
}

/**
 * The parsed and bound files every check shares (TypeScript's lib files, @types/node, this
 * repository's src/), kept for the test run, as an editor shares them between its projects:
 * parsing and binding them again for each check cost seconds of CPU each time.
 */
export const sharedDocuments: ts.DocumentRegistry = ts.createDocumentRegistry();

/**
 * A language service over `files` and what they import, from disk (`texts` first), with
 * the parsed files of {@link sharedDocuments}. A workspace file's version is a digest of its
 * text, so one written again is parsed again; the rest do not change during a test run.
 */
export function languageService(
  workspace: TypeWorkspace,
  files: readonly string[],
  options: ts.CompilerOptions = strictOptions(),
  texts: ReadonlyMap<string, string> = new Map(),
): ts.LanguageService {
  const read = (name: string) => texts.get(name) ?? ts.sys.readFile(name);
  return ts.createLanguageService(
    {
      getScriptFileNames: () => [...files],
      getScriptVersion: (name) => {
        if (!name.startsWith(workspace.dir) && !texts.has(name)) return "unchanged";
        const text = read(name);
        return text === undefined ? "" : createHash("sha1").update(text).digest("hex");
      },
      getScriptSnapshot: (name) => {
        const text = read(name);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => workspace.dir,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
      fileExists: (name) => texts.has(name) || ts.sys.fileExists(name),
      readFile: read,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    },
    sharedDocuments,
  );
}

/**
 * Type-checks files as a user's strict project would (`civis` mapped to this
 * repository's source, declaration files checked too) and returns the errors in
 * the workspace's own files, formatted. An unused `@ts-expect-error` is one.
 */
export function typeErrors(
  workspace: TypeWorkspace,
  files: readonly string[],
  options: ts.CompilerOptions = strictOptions(),
): string[] {
  const program = languageService(workspace, files, options).getProgram();
  if (!program) throw new Error("typeErrors: the language service made no program");
  // Only the workspace's files are checked: the rest (lib.dom, @types/node, src/) is
  // checked by `tsc --noEmit`, and checking it here took most of these tests' time.
  return files
    .flatMap((file) => {
      const source = program.getSourceFile(file);
      if (!source) throw new Error(`typeErrors: ${file} is not in the program`);
      return [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
    })
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${d.file!.fileName.slice(workspace.dir.length + 1)}:${line + 1}: TS${d.code} ${text}`;
    });
}
