import os from "node:os";

/** The machine a run happened on, for RESULTS.md: figures mean little without it. */
export function machine() {
  return {
    cpu: os.cpus()[0]?.model ?? "unknown CPU",
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

/** 1-minute load average: other work on the machine shows up in every figure. */
export const loadAverage = () => os.loadavg()[0].toFixed(2);
