import { describe, expect, it } from "vitest";
import { idSource, SPECPOST_ID_NAMESPACE } from "../../scripts/collection/ids";
import { Pending, serialise, serialiseBytes } from "../../scripts/collection/serialise";

describe("serialise", () => {
  it("writes Postman keys in Postman's order, others sorted, 2-space indent, final newline", () => {
    const text = serialise({
      variable: [{ value: "v", key: "k" }],
      zeta: 1,
      item: [{ request: { url: "u", method: "GET" }, name: "n", id: "i" }],
      alpha: undefined,
      info: { schema: "s", name: "c" },
    });
    expect(text).toBe(
      [
        "{",
        '  "info": {',
        '    "name": "c",',
        '    "schema": "s"',
        "  },",
        '  "item": [',
        "    {",
        '      "id": "i",',
        '      "name": "n",',
        '      "request": {',
        '        "method": "GET",',
        '        "url": "u"',
        "      }",
        "    }",
        "  ],",
        '  "variable": [',
        "    {",
        '      "key": "k",',
        '      "value": "v"',
        "    }",
        "  ],",
        '  "zeta": 1',
        "}",
        "",
      ].join("\n"),
    );
  });

  it("gives the same bytes whatever order the keys were built in", () => {
    expect(serialise({ b: 1, a: { d: 2, c: 3 } })).toBe(serialise({ a: { c: 3, d: 2 }, b: 1 }));
  });
});

describe("serialiseBytes", () => {
  const decode = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");
  // Folders nest, members are undefined, arrays hold undefined, text is not all ASCII (a
  // two-byte character and one outside the BMP), and there is more than one chunk of bytes.
  const request = (n: number) => ({
    request: { url: `/items/${n}`, method: "GET", header: [] },
    name: `item ${n} ← → ✓ 𝄞`,
    id: `id-${n}`,
    event: [{ script: { exec: ["a", "b\nc"], type: "text/javascript" }, listen: "test" }],
    response: [],
    skipped: undefined,
  });
  const collection = {
    variable: [{ value: "v", key: "k" }],
    item: [
      { name: "empty folder", item: [] },
      {
        name: "folder",
        description: undefined,
        item: [request(1), { name: "inner", item: [request(2), undefined, request(3)] }],
      },
      ...Array.from({ length: 3000 }, (_, n) => request(n + 4)),
    ],
    info: { schema: "s", name: "c ’" },
    empty: {},
  };

  it("writes exactly the bytes of serialise, in chunks that each own their buffer", () => {
    const chunks = serialiseBytes(collection);
    expect(chunks.length).toBeGreaterThan(1);
    expect(decode(chunks)).toBe(serialise(collection));
    expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(chunks.length);
  });

  it("writes a pending item as the item it builds, where it sits, building it once", () => {
    let builds = 0;
    const later = (n: number) =>
      new Pending(`id-${n}`, () => {
        builds++;
        return request(n);
      });
    const pending = {
      ...collection,
      item: [{ name: "folder", item: [later(1), { name: "inner", item: [later(2)] }] }, later(3)],
    };
    const built = {
      ...collection,
      item: [
        { name: "folder", item: [request(1), { name: "inner", item: [request(2)] }] },
        request(3),
      ],
    };
    expect(decode(serialiseBytes(pending))).toBe(serialise(built));
    expect(builds).toBe(3);
    expect(serialise(pending)).toBe(serialise(built));
  });

  it("writes what is not a collection as serialise does", () => {
    for (const value of [{ values: [{ key: "k" }], name: "env" }, { item: [] }, [], "x", 1]) {
      expect(decode(serialiseBytes(value))).toBe(serialise(value));
    }
  });
});

describe("ids", () => {
  it("are UUIDv5 under a fixed namespace: stable across runs and machines", () => {
    const ids = idSource("ELCIES Health Data Aggregator API");
    expect(SPECPOST_ID_NAMESPACE).toBe("6b0f3c8e-2a57-5d4e-9c1b-7f3e8a2d4c60");
    expect(ids.of("collection")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(ids.of("collection")).toBe(
      idSource("ELCIES Health Data Aggregator API").of("collection"),
    );
    expect(ids.of("collection")).not.toBe(ids.of("token-request"));
    // A title/key split cannot be confused with another one.
    expect(idSource("a b").of("c")).not.toBe(idSource("a").of("b c"));
  });
});
