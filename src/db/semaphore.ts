/**
 * At most `size` holders at a time; the others wait in arrival order. One per request keeps a
 * single request from holding the whole connection pool.
 */
export class Semaphore {
  private holders = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async use<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.holders < this.size) {
      this.holders += 1;
      return Promise.resolve();
    }
    // The releasing holder hands its place over, so `holders` stays as it is.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.holders -= 1;
  }
}
