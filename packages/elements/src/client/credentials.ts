// The credential a group of widgets reads with: a publishable key or an embed token, and for
// short-lived tokens the page's callback that fetches a new one from its own backend. Renewing is
// a module of its own (renewal.ts), loaded when a credential with a tokenProvider is first read, so
// that a page of publishable keys downloads none of it.
import type { TokenProvider } from "./renewal.js";

export type { TokenProvider };

const renewal = () => import("./renewal.js");

/**
 * One per provider (or per widget configured on its own). The client renews `token` through
 * `tokenProvider` when the API refuses it (401) or when a JWT is about to expire.
 */
export class Credentials {
  constructor(
    public token: string | undefined,
    public tokenProvider?: TokenProvider,
  ) {}

  /** The token to send now: renewed first if it is a JWT that expires within `marginMs`. */
  async current(marginMs = 30_000): Promise<string | undefined> {
    return this.tokenProvider ? (await renewal()).current(this, marginMs) : this.token;
  }

  /** A fresh token from the provider; concurrent callers share one call. */
  async renew(): Promise<string> {
    return (await renewal()).renew(this);
  }
}
