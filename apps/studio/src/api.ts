// The Studio's one way to the API: the public routes, with the secret key the person signed in with,
// sent as a Bearer header (never in a URL). Errors arrive as problem+json and are thrown as ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    /** The problem's `errors`: each bad field or record, as the API names it. */
    readonly errors: readonly Record<string, unknown>[] = [],
  ) {
    super(detail);
  }
}

export class Api {
  /** Called when the API no longer accepts the key (revoked or expired meanwhile). */
  onRefused: (() => void) | null = null;

  constructor(
    /** The API's origin; the Studio is served beside it. */
    readonly base: string,
    private readonly key: string,
  ) {}

  /** Whether this is the key the Studio was signed in with (a key's list shows only its ends). */
  isKey(prefix: string, last4: string): boolean {
    return this.key.startsWith(prefix) && this.key.endsWith(last4);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers: {
          Authorization: `Bearer ${this.key}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: "no-store",
      });
    } catch {
      throw new ApiError(0, "the API could not be reached");
    }
    return this.answer<T>(response.status, await response.text());
  }

  /**
   * A JSON POST whose body's sending is reported as it goes (`fetch` tells nothing of an upload):
   * `progress` gets the share of the body sent, from 0 to 1.
   */
  upload<T>(path: string, body: unknown, progress: (sent: number) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", new URL(path, this.base));
      xhr.setRequestHeader("Authorization", `Bearer ${this.key}`);
      xhr.setRequestHeader("Content-Type", "application/json");
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total) progress(e.loaded / e.total);
      };
      xhr.onload = () => {
        try {
          resolve(this.answer<T>(xhr.status, xhr.responseText));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new ApiError(0, "the API could not be reached"));
      xhr.send(JSON.stringify(body));
    });
  }

  /** A response's JSON, or its problem thrown as an ApiError. */
  private answer<T>(status: number, text: string): T {
    if (status === 401) this.onRefused?.();
    if (status === 204) return undefined as T;
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (status < 200 || status > 299) {
      const problem = json as { detail?: string; title?: string; errors?: Record<string, unknown>[] } | undefined;
      throw new ApiError(
        status,
        problem?.detail ?? problem?.title ?? `HTTP ${status}`,
        Array.isArray(problem?.errors) ? problem.errors : [],
      );
    }
    return json as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  /** An embed token for these KPIs, valid from this page's origin only: what the Studio's widgets read with. */
  async embedToken(metrics: readonly string[]): Promise<string> {
    const { token } = await this.request<{ token: string }>("POST", "/v1/tokens", {
      metrics,
      origins: [location.origin],
      ttlSeconds: 600,
    });
    return token;
  }
}
