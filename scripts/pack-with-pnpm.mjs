// prepack of the published packages: npm would pack their `workspace:*` ranges as they are, and
// no one could install the tarball; pnpm pack and pnpm publish (which changesets uses) replace them.
const agent = process.env.npm_config_user_agent ?? "";
if (!agent.startsWith("pnpm/")) {
  console.error(
    "Pack and publish KPI Kit's packages with pnpm (pnpm pack, pnpm publish): " +
      "npm keeps their workspace:* ranges, which no one can install.",
  );
  process.exit(1);
}
