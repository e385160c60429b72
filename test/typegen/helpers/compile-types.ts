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
 * Type-checks files as a user's strict project would (`civis` mapped to this
 * repository's source, declaration files checked too) and returns the errors in
 * the workspace's own files, formatted. An unused `@ts-expect-error` is one.
 */
export function typeErrors(
  workspace: TypeWorkspace,
  files: readonly string[],
  options: ts.CompilerOptions = strictOptions(),
): string[] {
  const program = ts.createProgram([...files], options);
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
