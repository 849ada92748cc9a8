import { describe, expect, it } from "vitest";
import { slug } from "./slug";

describe("slug", () => {
  it.each([
    ["openai/gpt-oss-20b", "openai-gpt-oss-20b"],
    ["Qwen/Qwen3-30B-A3B-Instruct-2507", "Qwen-Qwen3-30B-A3B-Instruct-2507"],
    ["  weird//name!! ", "weird-name"],
    ["_.-keep.inner_-.", "keep.inner"],
    ["gpt-5.2", "gpt-5.2"],
  ])("%s -> %s", (input, out) => expect(slug(input)).toBe(out));
});
