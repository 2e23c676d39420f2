// Liveness, for load balancers and orchestrators: the process answers and its store does too.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { json, problems, resource } from "../openapi.js";
import type { Store } from "../store/types.js";

const health = createRoute({
  method: "get",
  path: "/",
  summary: "Liveness and store check",
  responses: {
    200: {
      description: "OK",
      content: json(z.object({ status: z.literal("ok"), store: z.string(), version: z.string().optional() })),
    },
    ...problems(),
  },
});

export function healthRoutes(store: Store, version?: string) {
  const router = resource();
  router.openapi(health, async (c) => {
    await store.getTenant("healthz");
    return c.json({ status: "ok" as const, store: store.kind, ...(version ? { version } : {}) }, 200);
  });
  return router;
}
