import type { SerializedError } from './protocol.ts';

/** An error reported by the background, rebuilt on the UI side with its name and code intact. */
export class BackgroundError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): BackgroundError {
  return new BackgroundError(error.name, error.message, error.code);
}
