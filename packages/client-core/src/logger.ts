/** One event of the client's optional debug log. Never carries headers or bodies, so never credentials. */
export type LogEvent =
  | { type: 'request'; method: string; url: string; attempt: number }
  | { type: 'response'; method: string; url: string; status: number; attempt: number }
  | { type: 'retry'; method: string; url: string; status: number; delayMs: number; attempt: number }
  /** A same-origin redirect being followed (cross-origin ones are refused, not logged). */
  | { type: 'redirect'; method: string; url: string; status: number; location: string; attempt: number }
  | { type: 'auth'; action: 'logon' | 'logoff' | 'token' | 'refresh' | 'reauthenticate'; url: string; status?: number };

/** Receives log events; e.g. `(e) => console.debug(e)`. */
export type Logger = (event: LogEvent) => void;
