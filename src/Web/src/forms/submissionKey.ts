/**
 * The Idempotency-Key of one submission: made once, reused while the same body is sent again (a retry after
 * a lost answer must not receive or move stock twice), and replaced when the body changes or after a success.
 */
export class SubmissionKey {
  private body: string | null = null;
  private key = "";

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  for(body: string): string {
    if (body !== this.body) {
      this.body = body;
      this.key = this.newKey();
    }
    return this.key;
  }

  /** The submission was answered: the next one is new, even with the same lines. */
  settle(): void {
    this.body = null;
  }
}
