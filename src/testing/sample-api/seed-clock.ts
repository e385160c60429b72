// Seed timestamps come from a fixed epoch rather than the clock, so orderings and snapshots
// of the seed data are stable.
export const EPOCH = Date.parse("2024-01-01T00:00:00.000Z");
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
