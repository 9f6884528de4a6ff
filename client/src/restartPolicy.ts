// What the VS Code client does when FactDesk's language server stops without being asked to (a crash,
// an out-of-memory kill): restart it and say so, up to a number of restarts within a time window;
// past that, say that it stays stopped. No vscode import, so that the decision is unit-tested.

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface RestartDecision {
  restart: boolean;
  /** What the user is told. */
  message: string;
}

export class RestartPolicy {
  /** When the server stopped, within the last window. */
  private stops: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** The server stopped at `now` (milliseconds): restart it or not, and what to tell the user. */
  serverStopped(now: number): RestartDecision {
    this.stops = this.stops.filter((t) => now - t < this.windowMs);
    this.stops.push(now);
    const window = `${Math.round(this.windowMs / 60_000)} minutes`;
    if (this.stops.length <= this.maxRestarts)
      return { restart: true, message: `FactDesk's language server stopped and was restarted (${this.stops.length} of at most ${this.maxRestarts} restarts in ${window}).` };
    return {
      restart: false,
      message: `FactDesk's language server stopped ${this.stops.length} times in ${window} and will not be restarted. The FactDesk log (FactDesk: Show Log) says why; reload the window to start it again.`,
    };
  }
}
