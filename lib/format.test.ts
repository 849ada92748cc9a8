import { describe, expect, it } from "vitest";
import {
  GROUP_LABELS,
  GROUP_ORDER,
  MISSING,
  formatDate,
  formatDateTime,
  formatDelta,
  formatInt,
  formatInterval,
  formatMilliseconds,
  formatNumber,
  formatPercent,
  formatSeconds,
  formatTokens,
  groupColorVar,
} from "./format";

const missingInputs = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe("MISSING", () => {
  it("is the em dash for every formatter", () => {
    for (const x of missingInputs) {
      expect(formatPercent(x)).toBe(MISSING);
      expect(formatInterval(x, 0.1, 0.2)).toBe(MISSING);
      expect(formatDelta(x)).toBe(MISSING);
      expect(formatTokens(x)).toBe(MISSING);
      expect(formatInt(x)).toBe(MISSING);
      expect(formatSeconds(x)).toBe(MISSING);
      expect(formatMilliseconds(x)).toBe(MISSING);
      expect(formatNumber(x)).toBe(MISSING);
    }
    expect(MISSING).toBe("—");
  });
});

describe("formatPercent", () => {
  it("shows shares with one decimal", () => {
    expect(formatPercent(0.714)).toBe("71.4%");
    expect(formatPercent(0.71449)).toBe("71.4%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(1)).toBe("100.0%");
  });

  it("rounds half away from zero on the decimal value", () => {
    expect(formatPercent(0.9995)).toBe("100.0%");
    expect(formatPercent(0.7145)).toBe("71.5%");
    expect(formatPercent(0.00005)).toBe("0.0%");
    expect(formatPercent(0.0005)).toBe("0.1%");
    expect(formatPercent(0.1 + 0.2)).toBe("30.0%");
  });

  it("honours decimals", () => {
    expect(formatPercent(0.71449, 2)).toBe("71.45%");
    expect(formatPercent(0.714, 0)).toBe("71%");
    expect(formatPercent(0.005, 0)).toBe("1%");
  });

  it("uses a real minus sign and never prints -0", () => {
    expect(formatPercent(-0.012)).toBe("−1.2%");
    expect(formatPercent(-0.00001)).toBe("0.0%");
  });
});

describe("formatInterval", () => {
  it("shows the value and its interval in percentage points", () => {
    expect(formatInterval(0.714, 0.698, 0.73)).toBe("71.4 (69.8–73.0)");
    expect(formatInterval(0.9995, 0.99, 1)).toBe("100.0 (99.0–100.0)");
  });

  it("falls back to the value when a bound is missing", () => {
    expect(formatInterval(0.714, null, 0.73)).toBe("71.4");
    expect(formatInterval(0.714, 0.698, Number.NaN)).toBe("71.4");
  });

  it("spaces the dash around negative bounds", () => {
    expect(formatInterval(-0.012, -0.03, 0.005)).toBe("−1.2 (−3.0 – 0.5)");
  });
});

describe("formatDelta", () => {
  it("signs differences in percentage points", () => {
    expect(formatDelta(0.012)).toBe("+1.2 pp");
    expect(formatDelta(-0.004)).toBe("−0.4 pp");
    expect(formatDelta(0)).toBe("0.0 pp");
  });

  it("drops the sign when the rounded delta is zero", () => {
    expect(formatDelta(-0.0004)).toBe("0.0 pp");
    expect(formatDelta(0.0004)).toBe("0.0 pp");
  });

  it("rounds halves away from zero in both directions", () => {
    expect(formatDelta(0.0005)).toBe("+0.1 pp");
    expect(formatDelta(-0.0005)).toBe("−0.1 pp");
    expect(formatDelta(-0.12345, 2)).toBe("−12.35 pp");
  });
});

describe("formatTokens", () => {
  it("keeps small counts as integers", () => {
    expect(formatTokens(0)).toBe("0");
    expect(formatTokens(950)).toBe("950");
    expect(formatTokens(950.4)).toBe("950");
    expect(formatTokens(999.4)).toBe("999");
  });

  it("carries rounding into the next unit", () => {
    expect(formatTokens(999.5)).toBe("1.0k");
    expect(formatTokens(9_949)).toBe("9.9k");
    expect(formatTokens(9_950)).toBe("10k");
    expect(formatTokens(999_499)).toBe("999k");
    expect(formatTokens(999_500)).toBe("1.0M");
  });

  it("uses k and M", () => {
    expect(formatTokens(1_000)).toBe("1.0k");
    expect(formatTokens(4_200)).toBe("4.2k");
    expect(formatTokens(4_250)).toBe("4.3k");
    expect(formatTokens(12_345)).toBe("12k");
    expect(formatTokens(1_300_000)).toBe("1.3M");
    expect(formatTokens(12_600_000)).toBe("13M");
    expect(formatTokens(2_140_000_000)).toBe("2.1B");
  });

  it("signs negatives with a real minus", () => {
    expect(formatTokens(-4_200)).toBe("−4.2k");
    expect(formatTokens(-0.4)).toBe("0");
  });
});

describe("formatInt", () => {
  it("groups thousands with commas regardless of locale", () => {
    expect(formatInt(12_751)).toBe("12,751");
    expect(formatInt(1_234_567.5)).toBe("1,234,568");
    expect(formatInt(999)).toBe("999");
    expect(formatInt(-12_751)).toBe("−12,751");
  });
});

describe("formatNumber", () => {
  it("formats fixed decimals", () => {
    expect(formatNumber(1.005)).toBe("1.01");
    expect(formatNumber(-0.1234, 2)).toBe("−0.12");
    expect(formatNumber(1234.5, 1)).toBe("1,234.5");
  });
});

describe("formatSeconds", () => {
  it("shows two significant digits", () => {
    expect(formatSeconds(0.8412)).toBe("0.84 s");
    expect(formatSeconds(0.845)).toBe("0.85 s");
    expect(formatSeconds(12.3)).toBe("12 s");
    expect(formatSeconds(134)).toBe("130 s");
    expect(formatSeconds(135)).toBe("140 s");
    expect(formatSeconds(0.01234)).toBe("0.012 s");
    expect(formatSeconds(1_234)).toBe("1,200 s");
    expect(formatSeconds(0)).toBe("0 s");
  });

  it("carries rounding into the next power of ten", () => {
    expect(formatSeconds(0.995)).toBe("1.0 s");
    expect(formatSeconds(9.96)).toBe("10 s");
    expect(formatSeconds(99.5)).toBe("100 s");
  });

  it("converts milliseconds", () => {
    expect(formatMilliseconds(840)).toBe("0.84 s");
    expect(formatMilliseconds(12_345)).toBe("12 s");
  });
});

describe("formatDate / formatDateTime", () => {
  it("formats in UTC with English month names", () => {
    expect(formatDate("2025-11-26")).toBe("Nov 26, 2025");
    expect(formatDate("2025-11-26T23:59:00-05:00")).toBe("Nov 27, 2025");
    expect(formatDate(new Date(Date.UTC(2024, 0, 5)))).toBe("Jan 5, 2024");
    expect(formatDateTime("2025-11-26T14:03:09Z")).toBe("Nov 26, 2025, 14:03 UTC");
  });

  it("returns MISSING for absent or invalid dates", () => {
    expect(formatDate(null)).toBe(MISSING);
    expect(formatDate(undefined)).toBe(MISSING);
    expect(formatDate("")).toBe(MISSING);
    expect(formatDate("not a date")).toBe(MISSING);
    expect(formatDateTime("not a date")).toBe(MISSING);
  });
});

describe("model groups", () => {
  it("labels every group and points at its CSS variable", () => {
    expect(GROUP_ORDER.map((g) => GROUP_LABELS[g])).toEqual([
      "Proprietary",
      "Open-weight",
      "Medical",
      "Quantized",
    ]);
    expect(groupColorVar("open-weight")).toBe("var(--group-open-weight)");
  });
});

describe("formatBytes", () => {
  it("uses decimal units with one decimal below ten", async () => {
    const { formatBytes } = await import("./format");
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(950)).toBe("950 B");
    expect(formatBytes(1000)).toBe("1.0 kB");
    expect(formatBytes(20_480)).toBe("20 kB");
    expect(formatBytes(1_000_046)).toBe("1.0 MB");
    expect(formatBytes(1_048_576)).toBe("1.0 MB");
    expect(formatBytes(2.5e9)).toBe("2.5 GB");
    expect(formatBytes(null)).toBe("—");
  });
});
