// A small local HTTP API for the tools spec, on 127.0.0.1 only: a pet store for OpenAPI actions
// (GET lists, POST creates), a redirect to a host that is not allow-listed, and a log of every
// request so a test can prove what did (or did not) reach it.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ActionServer = {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  requests: Array<{ method: string; path: string; body: string }>;
  /** Where GET /redirect sends the client. */
  redirectTo: string | null;
  close: () => Promise<void>;
};

export async function startActionServer(): Promise<ActionServer> {
  const pets = [
    { id: 1, name: "Biscuit", kind: "dog" },
    { id: 2, name: "Marmalade", kind: "cat" },
  ];
  const state: ActionServer = { url: "", port: 0, requests: [], redirectTo: null, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "/";
      state.requests.push({ method: req.method ?? "GET", path, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (path.startsWith("/pets") && req.method === "GET") return json(200, pets);
      if (path === "/pets" && req.method === "POST") {
        const parsed = JSON.parse(body || "{}") as { name?: string; kind?: string };
        const pet = { id: pets.length + 1, name: parsed.name ?? "unnamed", kind: parsed.kind ?? "unknown" };
        pets.push(pet);
        return json(201, pet);
      }
      if (path === "/redirect" && state.redirectTo) {
        res.writeHead(302, { location: state.redirectTo });
        return res.end();
      }
      if (path === "/page") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html><head><title>Local page</title></head><body><main><p>Local page body</p></main></body></html>");
      }
      json(404, { error: "not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.port = port;
  state.url = `http://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** An OpenAPI 3 document (YAML) for the pet store above. */
export function petStoreDocument(serverUrl: string): string {
  return `openapi: 3.0.3
info:
  title: Pet store
  version: "1.0"
servers:
  - url: ${serverUrl}
paths:
  /pets:
    get:
      operationId: listPets
      summary: List the pets in the store
      parameters:
        - name: kind
          in: query
          required: false
          schema:
            type: string
      responses:
        "200":
          description: The pets
    post:
      operationId: createPet
      summary: Add a pet to the store
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                kind:
                  type: string
      responses:
        "201":
          description: The new pet
`;
}
