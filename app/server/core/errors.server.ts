/**
 * Errors every aggregate shares. NotFound is what a server command throws when the subject does not exist or the
 * user may not know that it exists; routes turn it into a 404 (never a 403 with a hint).
 */
export class NotFound extends Error {
  constructor() {
    super("not found");
  }
}

/**
 * Bad input or a refused step of one form: German messages by field ("form" for the whole form). Each aggregate
 * has its own subclass, so that a route catches only its own.
 */
export class FieldInputError extends Error {
  constructor(
    readonly fieldErrors: Record<string, string>,
    message = Object.values(fieldErrors)[0] ?? "",
  ) {
    super(message);
  }
}

export function notFoundResponse(): Response {
  return new Response("Nicht gefunden", { status: 404, statusText: "Not Found" });
}

/** Runs a server function for a route: NotFound becomes the 404 response (never a 403 with a hint). */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof NotFound) throw notFoundResponse();
    throw error;
  }
}
