// Renewing a credential's token through its tokenProvider (credentials.ts loads this module when a
// credential with one is first read): when a JWT is about to expire, or when the API refused it.

/** The page's callback that fetches a new token from its own backend. */
export type TokenProvider = () => string | Promise<string>;

/** A credential (credentials.ts), as far as renewing its token goes. */
interface Renewable {
  token: string | undefined;
  tokenProvider?: TokenProvider | undefined;
}

/** Each credential's renewal under way, which concurrent callers share. */
const renewing = new WeakMap<Renewable, Promise<string>>();

/** The token to send now: renewed first if it is missing or a JWT that expires within `marginMs`. */
export async function current(credentials: Renewable, marginMs: number): Promise<string> {
  const { token } = credentials;
  if (token && !expiresWithin(token, marginMs)) return token;
  try {
    return await renew(credentials);
  } catch (e) {
    throw new Error(`The tokenProvider failed to give a token: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A fresh token from the provider; concurrent callers share one call. */
export function renew(credentials: Renewable): Promise<string> {
  const provider = credentials.tokenProvider;
  if (!provider) return Promise.reject(new Error("no tokenProvider to renew the token with"));
  let call = renewing.get(credentials);
  if (!call) {
    call = Promise.resolve()
      .then(provider)
      .then((token) => {
        if (typeof token !== "string" || !token) throw new Error("the tokenProvider returned no token");
        credentials.token = token;
        return token;
      })
      .finally(() => renewing.delete(credentials));
    renewing.set(credentials, call);
  }
  return call;
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
