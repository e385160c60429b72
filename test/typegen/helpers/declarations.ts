import ts from "typescript";

/** A member of a generated interface: its name, its JSDoc as written, and its type's text. */
export interface DeclaredMember {
  readonly name: string;
  /** The comment's text without `/**`, `*\/` and the leading ` * ` of each line. */
  readonly doc: string;
  readonly type: string;
}

/** The interfaces of a generated declaration file, by name, with their members in order. */
export function interfacesOf(text: string): Map<string, DeclaredMember[]> {
  const file = ts.createSourceFile("api.d.ts", text, ts.ScriptTarget.ES2022, true);
  const out = new Map<string, DeclaredMember[]>();
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    out.set(
      statement.name.text,
      statement.members.map((member) => ({
        name: nameOf(member.name),
        doc: docOf(text, member.pos),
        type: ts.isPropertySignature(member) && member.type ? member.type.getText(file) : "",
      })),
    );
  }
  return out;
}

function nameOf(name: ts.PropertyName | undefined): string {
  if (name === undefined) return "";
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

function docOf(text: string, pos: number): string {
  const range = ts.getLeadingCommentRanges(text, pos)?.at(-1);
  if (!range) return "";
  const raw = text.slice(range.pos, range.end);
  if (!raw.startsWith("/**")) return "";
  if (!raw.includes("\n")) return raw.slice(3, -2).trim();
  return raw
    .split("\n")
    .slice(1, -1)
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n");
}

/** Syntax errors of a declaration file (an unescaped `*\/` in a comment would cause some). */
export function syntaxErrors(text: string): string[] {
  const result = ts.transpileModule(text, {
    // As a .ts file: transpileModule emits nothing for a .d.ts, and the syntax is the same here.
    fileName: "api.ts",
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  });
  return (result.diagnostics ?? []).map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
}
