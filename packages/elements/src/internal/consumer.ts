// How an element takes a value from the nearest provider around it (Lit's context protocol, which
// reaches into shadow roots): the widgets, the range picker and a provider inside another take
// their configuration so. @lit/context's ContextConsumer and ContextRoot did this job in 1.8 KB
// (0.5 KB gzip) of every bundle, most of it for what these elements never ask (one-off requests,
// a root keeping the requests of every element on the page); this controller is what they use of it.

import { type Context, ContextEvent } from "@lit/context";
import type { ReactiveController, ReactiveControllerHost } from "lit";

/**
 * Subscribes its host to a context while it is connected: `callback` receives the nearest
 * provider's value, then each new one. An element often upgrades before the provider around it (a
 * module that defines kpi-card first, a provider added later), which then never heard its request:
 * until one answers, the controller asks again whenever a provider announces itself.
 */
export class ContextSubscriber<T> implements ReactiveController {
  /** The provider's last value; undefined until one answered. */
  value: T | undefined;
  /** Leaves the provider that answered; undefined while none has (or once disconnected). */
  #unsubscribe: (() => void) | undefined;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: Context<unknown, T>;
  readonly #callback: (value: T) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, context: Context<unknown, T>, callback: (value: T) => void) {
    this.#host = host;
    this.#context = context;
    this.#callback = callback;
    host.addController(this);
  }

  hostConnected(): void {
    // A provider announces itself with an event that bubbles to the document (context-provider).
    document.addEventListener("context-provider", this.#retry);
    this.#ask();
  }

  hostDisconnected(): void {
    document.removeEventListener("context-provider", this.#retry);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #ask(): void {
    this.#host.dispatchEvent(new ContextEvent(this.#context, this.#host, this.#take, true));
  }

  // Of stable identity: a provider keeps one subscription per callback.
  readonly #take = (value: T, unsubscribe?: () => void): void => {
    // Another provider answers (a nearer one that upgraded later takes its elements over): leave the
    // one that answered before.
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.value = value;
    this.#callback(value);
  };

  // Whatever context the provider announces: one of another answers no request of this one.
  readonly #retry = (): void => {
    if (!this.#unsubscribe) this.#ask();
  };
}
