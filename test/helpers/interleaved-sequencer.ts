import { BaseSequencer, type TestSpecification } from "vitest/node";

const isE2e = (file: TestSpecification) => /[\\/]e2e[\\/]/.test(file.moduleId);

// The files that take longest, measured: started first, so none is left running alone at the
// end (a fresh clone has no timings of its own; vitest's cache of them orders later runs).
const LONGEST = [
  "e2e/demo.test.ts",
  "test/integration/soak.test.ts",
  "e2e/demo-sources.test.ts",
  "test/typegen/compile.test.ts",
  "e2e/types.test.ts",
  "test/integration/retries.test.ts",
];
const rank = (file: TestSpecification) => {
  const at = LONGEST.findIndex((name) => file.moduleId.endsWith(name));
  return at < 0 ? LONGEST.length : at;
};

export class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = sorted
      .filter((file) => rank(file) < LONGEST.length)
      .sort((a, b) => rank(a) - rank(b));
    const rest = sorted.filter((file) => rank(file) === LONGEST.length);
    const e2e = rest.filter(isE2e);
    const unit = rest.filter((file) => !isE2e(file));
    const perE2e = Math.max(1, Math.round(unit.length / Math.max(1, e2e.length)));
    const out: TestSpecification[] = [...first];
    while (e2e.length > 0 || unit.length > 0) {
      const next = e2e.shift();
      if (next) out.push(next);
      out.push(...unit.splice(0, perE2e));
    }
    return out;
  }
}
