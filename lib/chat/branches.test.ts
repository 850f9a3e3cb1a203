import { describe, expect, it } from "vitest";
import { activePath, branchView, leafBelow } from "@/lib/chat/branches";

// q1 -> a1 -> q2 -> a2        (the first line)
//            \-> q2b -> a2b   (q2 edited)
//                     \-> a2c (a2b regenerated)
const rows = [
  { id: "q1", parentId: null },
  { id: "a1", parentId: "q1" },
  { id: "q2", parentId: "a1" },
  { id: "a2", parentId: "q2" },
  { id: "q2b", parentId: "a1" },
  { id: "a2b", parentId: "q2b" },
  { id: "a2c", parentId: "q2b" },
];
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((row) => row.id);

describe("activePath", () => {
  it("follows the selected leaf up to the first question, whatever the row order", () => {
    expect(ids(activePath(rows, "a2"))).toEqual(["q1", "a1", "q2", "a2"]);
    expect(ids(activePath(rows, "a2b"))).toEqual(["q1", "a1", "q2b", "a2b"]);
    expect(ids(activePath([...rows].reverse(), "a2c"))).toEqual(["q1", "a1", "q2b", "a2c"]);
  });

  it("falls back to the newest message when the leaf is unknown, and reads a list without parents as one line", () => {
    expect(ids(activePath(rows, null))).toEqual(["q1", "a1", "q2b", "a2c"]);
    expect(ids(activePath(rows, "gone"))).toEqual(["q1", "a1", "q2b", "a2c"]);
    const line = [{ id: "x" }, { id: "y", parentId: null }, { id: "z" }];
    expect(ids(activePath(line, null))).toEqual(["x", "y", "z"]);
    expect(ids(activePath(line, "y"))).toEqual(["x", "y"]);
    expect(activePath([], null)).toEqual([]);
  });

  it("stops on a cycle instead of looping", () => {
    expect(ids(activePath([{ id: "a", parentId: "b" }, { id: "b", parentId: "a" }], "a"))).toEqual(["b", "a"]);
  });
});

describe("leafBelow", () => {
  it("goes down the newest reply at each step", () => {
    expect(leafBelow(rows, "q2")).toBe("a2");
    expect(leafBelow(rows, "q2b")).toBe("a2c");
    expect(leafBelow(rows, "q1")).toBe("a2c");
    expect(leafBelow(rows, "a2b")).toBe("a2b");
    expect(leafBelow(rows, "nope")).toBeNull();
  });
});

describe("branchView", () => {
  it("names the alternatives of each message on the path, oldest first", () => {
    expect(branchView(rows, "a2b").map((row) => [row.id, row.siblingIds])).toEqual([
      ["q1", undefined],
      ["a1", undefined],
      ["q2b", ["q2", "q2b"]],
      ["a2b", ["a2b", "a2c"]],
    ]);
    expect(branchView([{ id: "x" }, { id: "y" }], null).map((row) => row.siblingIds)).toEqual([undefined, undefined]);
  });
});
