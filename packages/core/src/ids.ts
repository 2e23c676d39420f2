// The names users give KPIs and dimensions, checked alike wherever one arrives: a definition, a
// query, a target, an embed token, a tenant's public KPIs.
import { z } from "zod";

const SNAKE_CASE = /^[a-z][a-z0-9_]{0,63}$/;

export const metricIdSchema = z
  .string()
  .regex(SNAKE_CASE, "must be snake_case: a lowercase letter, then lowercase letters, digits or _ (at most 64)");
export const dimensionNameSchema = z.string().regex(SNAKE_CASE, "must be a dimension name");
