import { describe, expect, it } from "vitest";
import { findToolNameConflicts } from "@/lib/assistants/tool-names";

const calculator = { id: "calculator", label: "Calculator" };
const op = (name: string, method = "GET", path = `/${name}`) => ({ name, method, path });

describe("findToolNameConflicts", () => {
  it("finds nothing when every name is unique (and ignores actions that did not parse)", () => {
    expect(findToolNameConflicts([calculator], [[op("listPets"), op("createPet", "POST", "/pets")], null, [op("getWeather")]])).toEqual([]);
  });

  it("reports an operation named like an enabled built-in tool", () => {
    expect(findToolNameConflicts([calculator], [[op("calculator", "POST", "/calc")]])).toEqual([
      {
        actionIndex: 0,
        message:
          'Action 1: the tool name "calculator" (POST /calc) is already used by the built-in tool Calculator. Tool names must be unique: change the operationId or turn that tool off.',
      },
    ]);
    // Not enabled: no clash.
    expect(findToolNameConflicts([], [[op("calculator")]])).toEqual([]);
  });

  it("reports the same operationId in two actions on the later one", () => {
    expect(findToolNameConflicts([], [[op("listPets", "GET", "/pets")], [op("other")], [op("listPets", "GET", "/v2/pets")]])).toEqual([
      {
        actionIndex: 2,
        message: 'Action 3: the tool name "listPets" (GET /v2/pets) is already used by action 1 (GET /pets). Tool names must be unique: change the operationId.',
      },
    ]);
  });
});
