/**
 * Many callers wanting a value read *after* they asked (the public version: a page may be served
 * from cache only if nothing changed before the request came), at the cost of one read for all who
 * ask while a read is under way. A caller never gets a read that had started before it asked — that
 * read might have missed a commit which finished before the request arrived — but waits for the
 * next one, which starts once the current one is done. So every answer is at least as fresh as the
 * caller's arrival, and under load one database round trip serves a whole batch of requests.
 */
export class CoalescedRead<T> {
  private waiting: { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } | undefined;
  private reading = false;

  constructor(private readonly read: () => Promise<T>) {}

  /** A value read after this call. */
  get(): Promise<T> {
    if (!this.waiting) {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.waiting = { promise, resolve, reject };
    }
    const { promise } = this.waiting;
    if (!this.reading) this.start();
    return promise;
  }

  private start(): void {
    const batch = this.waiting!;
    this.waiting = undefined;
    this.reading = true;
    let read: Promise<T>;
    try {
      read = this.read();
    } catch (error) {
      read = Promise.reject(error);
    }
    read
      .then(batch.resolve, batch.reject)
      .finally(() => {
        this.reading = false;
        if (this.waiting) this.start();
      });
  }
}
