// The credential a group of widgets reads with: a publishable key or an embed token, and for
// short-lived tokens the page's callback that fetches a new one from its own backend.

export type TokenProvider = () => string | Promise<string>;

/**
 * One per provider (or per widget configured on its own). The client renews `token` through
 * `tokenProvider` when the API refuses it (401) or when a JWT is about to expire.
 */
export class Credentials {
  #renewing: Promise<string> | undefined;

  constructor(
    public token: string | undefined,
    public tokenProvider?: TokenProvider,
  ) {}

  /** The token to send now: renewed first if it is a JWT that expires within `marginMs`. */
  async current(marginMs = 30_000): Promise<string | undefined> {
    if (this.tokenProvider && (!this.token || expiresWithin(this.token, marginMs))) return this.renew();
    return this.token;
  }

  /** A fresh token from the provider; concurrent callers share one call. */
  renew(): Promise<string> {
    const provider = this.tokenProvider;
    if (!provider) return Promise.reject(new Error("no tokenProvider to renew the token with"));
    this.#renewing ??= Promise.resolve()
      .then(provider)
      .then((token) => {
        if (typeof token !== "string" || !token) throw new Error("the tokenProvider returned no token");
        this.token = token;
        return token;
      })
      .finally(() => {
        this.#renewing = undefined;
      });
    return this.#renewing;
  }
}

/** Whether a JWT's `exp` falls within `marginMs` from now (keys and opaque tokens never do). */
export function expiresWithin(token: string, marginMs: number): boolean {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return false;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown };
    return typeof json.exp === "number" && json.exp * 1000 - Date.now() < marginMs;
  } catch {
    return false;
  }
}
