// Group commit: the writes that arrive for one key while that key's last write is still running
// wait for it and then run together, in one transaction, as ClickHouse's asynchronous inserts and
// PostgreSQL's commit delay gather small writes. A busy shop's webhooks (many calls of a few
// facts each) then cost one commit and one fold of the rollups per group instead of one per call.
// Each caller still resolves only once its own facts are durable, with its own result.

/** Runs a group's items in one transaction: one result per item, in order. */
export type GroupWrite<I, R> = (items: readonly I[]) => Promise<R[]>;

interface Waiting<I, R> {
  item: I;
  size: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, R> {
  private readonly queues = new Map<string, Waiting<I, R>[]>();

  /**
   * `limit`: the most a group holds, counted by `size` (a call larger than it runs alone).
   * `alone(error)`: whether, after a group fails, its items should each be tried alone, so that one
   * call's fault is its own (not when the database itself is unavailable: they would fail again).
   */
  constructor(
    private readonly write: GroupWrite<I, R>,
    private readonly limit: number,
    private readonly alone: (error: unknown) => boolean,
  ) {}

  add(key: string, item: I, size: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      const waiting = { item, size, resolve, reject };
      if (queue) queue.push(waiting);
      else {
        this.queues.set(key, [waiting]);
        void this.drain(key);
      }
    });
  }

  /** Writes the key's queue group by group until it is empty; items added meanwhile join the next group. */
  private async drain(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    while (queue.length) {
      let size = 0;
      let n = 0;
      while (n < queue.length && (n === 0 || size + queue[n]!.size <= this.limit)) size += queue[n++]!.size;
      const group = queue.slice(0, n);
      await this.run(group);
      queue.splice(0, n);
    }
    this.queues.delete(key);
  }

  private async run(group: readonly Waiting<I, R>[]): Promise<void> {
    try {
      const results = await this.write(group.map((w) => w.item));
      for (const [i, w] of group.entries()) w.resolve(results[i]!);
    } catch (error) {
      if (group.length === 1 || !this.alone(error)) {
        for (const w of group) w.reject(error);
        return;
      }
      for (const w of group) await this.run([w]);
    }
  }
}
