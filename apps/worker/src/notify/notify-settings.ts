/** The webhook delivery settings of the worker's configuration, provided by DI. */
export const NOTIFY_SETTINGS = Symbol('NOTIFY_SETTINGS');

export interface NotifySettings {
  readonly maxAttempts: number;
  readonly backoffMs: number;
  /** Per attempt, connect to last byte. */
  readonly timeoutMs: number;
}
