import ts from "typescript";

/** Type-checks one tsconfig.json as `tsc -p` does; returns its errors as tsc prints them ("" if none). */
export type TypeCheck = (tsconfigPath: string) => string;

/** Files that neither the package nor the user wrote: TypeScript's own libs and `@types/*`. */
function isThirdParty(program: ts.Program, file: ts.SourceFile): boolean {
  return (
    program.isSourceFileDefaultLibrary(file) || file.fileName.includes("/node_modules/@types/")
  );
}

/** A declaration file that can change what a third-party one means: a global script or an augmentation. */
function touchesGlobals(file: ts.SourceFile): boolean {
  return !ts.isExternalModule(file) || /\bdeclare\s+(global\b|module\s+["'])/.test(file.text);
}

/**
 * One checker for several tsconfig files, in this process: declaration files are parsed once
 * and shared by every program (as `tsc --build` shares them between projects), and the
 * declarations of TypeScript's libs and `@types/*`, which nothing checked here can change,
 * are not checked again in every mode. Everything else (the user's files and the package's
 * declarations, with `skipLibCheck: false`) gets every diagnostic `tsc -p` would print.
 */
export function createTypeCheck(): TypeCheck {
  const parsed = new Map<string, ts.SourceFile>();
  const formatHost: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getNewLine: () => ts.sys.newLine,
  };

  return (tsconfigPath) => {
    const config = ts.getParsedCommandLineOfConfigFile(tsconfigPath, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.formatDiagnostics([diagnostic], formatHost));
      },
    });
    if (!config) throw new Error(`${tsconfigPath}: not a tsconfig.json`);
    const host = ts.createCompilerHost(config.options);
    const readSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, fresh) => {
      if (!/\.d\.[cm]?ts$/.test(fileName)) {
        return readSourceFile(fileName, languageVersion, onError, fresh);
      }
      const { languageVersion: version, impliedNodeFormat } =
        typeof languageVersion === "object" ? languageVersion : { languageVersion };
      const key = `${version}:${impliedNodeFormat}:${fileName}`;
      let file = parsed.get(key);
      if (!file) {
        file = readSourceFile(fileName, languageVersion, onError, fresh);
        if (file) parsed.set(key, file);
      }
      return file;
    };
    const program = ts.createProgram({
      rootNames: config.fileNames,
      options: config.options,
      host,
      configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
    });
    const files = program.getSourceFiles();
    const own = files.filter((file) => !isThirdParty(program, file));
    // Should the package ever declare globals, every declaration is checked, as tsc would.
    const checked = own.some(touchesGlobals) ? files : own;
    const diagnostics = [
      ...program.getConfigFileParsingDiagnostics(),
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...files.flatMap((file) => program.getSyntacticDiagnostics(file)),
      ...checked.flatMap((file) => program.getSemanticDiagnostics(file)),
    ];
    return ts.formatDiagnostics(diagnostics, formatHost);
  };
}
