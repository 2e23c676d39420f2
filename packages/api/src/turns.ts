// KPI computations take turns: a few run at once, the others wait in arrival order without having
// started. Under a burst (a hundred dashboards each asking twenty KPIs), each computation then
// meets a short queue at the database, and its time budget measures its own work, not the queue
// in front of it. A wait that grows past its own limit is answered 503, as an overloaded
// database is: no request hangs.
//
// First come, first served: serving requests that ask fewer KPIs first was tried, and under a
// closed loop of 256 clients it kept single cards fast (76 ms) but starved dashboards' batches
// past the wait limit (bench/load); in arrival order every kind answered within 12 s.
import { StoreUnavailableError } from "./store/unavailable.js";

export class Turns {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    /** Computations running at once. */
    private readonly size: number,
    /** How long one may wait for its turn before it gives up. */
    private readonly maxWaitMs: number,
  ) {}

  /** Runs `work` in its turn; rejects with StoreUnavailableError if the turn does not come within maxWaitMs. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.size) await this.#wait();
    else this.#running++;
    try {
      return await work();
    } finally {
      // The turn passes straight to the next in line, so #running never dips below what runs.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(go), 1);
        reject(
          new StoreUnavailableError(
            new Error(`no turn to compute within ${this.maxWaitMs} ms: ${this.#waiting.length} computations waiting`),
          ),
        );
      }, this.maxWaitMs);
      this.#waiting.push(go);
    });
  }
}
