import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "./canonical-json.ts";

describe("canonicalJson", () => {
  it("sorts keys at every depth and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it("writes numbers as JavaScript does, so 4.50 and 4.5 are one value", () => {
    expect(canonicalJson([4.5, 4.5, 1e21, 0.1 + 0.2, -0])).toBe(
      "[4.5,4.5,1e+21,0.30000000000000004,0]",
    );
  });

  it("gives the same text for equal content in another key order", () => {
    expect(canonicalJson({ 评委: "张三", points: 4.5 })).toBe(
      canonicalJson({ points: 4.5, 评委: "张三" }),
    );
  });

  it("refuses numbers JSON cannot hold", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });

  it("hashes UTF-8 text with SHA-256", () => {
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
