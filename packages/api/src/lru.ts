// A map that forgets what was used least recently, to keep the API's in-memory caches bounded.

/** The least recently used entries go first, past `max` entries or past `maxWeight` in all. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  private weight = 0;
  constructor(
    private readonly max: number,
    private readonly weigh: (value: V) => number = () => 0,
    private readonly maxWeight = Infinity,
  ) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.delete(key);
    this.map.set(key, value);
    this.weight += this.weigh(value);
    while (this.map.size > this.max || (this.weight > this.maxWeight && this.map.size > 0))
      this.delete(this.map.keys().next().value!);
  }
  private delete(key: string): void {
    const v = this.map.get(key);
    if (v === undefined) return;
    this.map.delete(key);
    this.weight -= this.weigh(v);
  }
}

/**
 * The value of `key`: from the cache, from the same work still running (callers arriving meanwhile
 * share it), or from `make`, kept once it succeeds (a failure is not kept).
 */
export function cachedOnce<V>(
  cache: Lru<V>,
  running: Map<string, Promise<V>>,
  key: string,
  make: () => Promise<V>,
): Promise<V> {
  const hit = cache.get(key);
  if (hit !== undefined) return Promise.resolve(hit);
  let work = running.get(key);
  if (!work) {
    work = make().then((value) => {
      cache.set(key, value);
      return value;
    });
    running.set(key, work);
    void work.finally(() => running.delete(key)).catch(() => undefined);
  }
  return work;
}
