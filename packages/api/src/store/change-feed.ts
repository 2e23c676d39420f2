// Change notifications per tenant within one process: a live stream wakes up as soon as its
// tenant's data changes instead of waiting for its next poll.
export class ChangeFeed {
  private readonly listeners = new Map<string, Set<() => void>>();

  subscribe(tenantId: string, listener: () => void): () => void {
    let set = this.listeners.get(tenantId);
    if (!set) this.listeners.set(tenantId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(tenantId);
    };
  }

  emit(tenantId: string): void {
    for (const listener of this.listeners.get(tenantId) ?? []) listener();
  }
}
