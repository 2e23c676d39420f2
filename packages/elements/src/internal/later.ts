// Code a widget needs in some states or setups only (a card's target and pace) is a module of its
// own, which loads when a widget first needs it, so that a page whose widgets never do downloads
// none of it. Until it arrives the widget shows its loading state, as it does while its locale's
// words load (KpiElement.need).

/** A module loaded once, the first time a widget needs it. */
export class Later<T> {
  /** The module once it arrived; null when it could not load (the widget then does without it). */
  module: T | null | undefined;
  #arrival: Promise<void> | undefined;
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  /** Its arrival, which starts it loading. */
  arrival(): Promise<void> {
    this.#arrival ??= this.#load().then(
      (module) => {
        this.module = module;
      },
      () => {
        this.module = null;
      },
    );
    return this.#arrival;
  }
}
