import { BaseSequencer, type TestSpecification } from "vitest/node";

const isE2e = (file: TestSpecification) => /[\\/]e2e[\\/]/.test(file.moduleId);

/**
 * Runs the e2e files among the unit files rather than all before them. The e2e files spend
 * most of their time waiting (on Chromium, timers, servers), the unit files on the CPU: run
 * together they keep both cores busy, where run one after the other the cores idled for much
 * of the e2e files' time. The e2e files go first in each group, as the longest do.
 */
export class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const e2e = sorted.filter(isE2e);
    const unit = sorted.filter((file) => !isE2e(file));
    const perE2e = Math.max(1, Math.round(unit.length / Math.max(1, e2e.length)));
    const out: TestSpecification[] = [];
    while (e2e.length > 0 || unit.length > 0) {
      const next = e2e.shift();
      if (next) out.push(next);
      out.push(...unit.splice(0, perE2e));
    }
    return out;
  }
}
