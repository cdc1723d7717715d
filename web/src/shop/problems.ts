/** An API refusal (problem+json) or a failure to reach the shop, in words for the shopper. */
export class ShopError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ShopError";
  }
}

interface Problem {
  title?: unknown;
  detail?: unknown;
  errors?: unknown;
}

/** The message to show for an answer with this status and body: the problem's detail, and each bad field. */
export function problemMessage(status: number, body: string): string {
  let problem: Problem;
  try {
    problem = JSON.parse(body) as Problem;
  } catch {
    return fallback(status);
  }
  const detail = typeof problem?.detail === "string" ? problem.detail : undefined;
  const fields = Array.isArray(problem?.errors)
    ? problem.errors
        .filter((e): e is { field: string; message: string } => typeof e?.field === "string")
        .map((e) => `${e.field} ${e.message}`)
    : [];
  if (detail && fields.length > 0) {
    return `${detail}: ${fields.join("; ")}`;
  }
  return detail ?? (typeof problem?.title === "string" ? problem.title : fallback(status));
}

function fallback(status: number): string {
  if (status === 0) {
    return "The shop cannot be reached. Check your connection and try again.";
  }
  if (status >= 500) {
    return "The shop cannot answer right now. Try again in a moment.";
  }
  return `The request was refused (${status}).`;
}

export function unreachable(): ShopError {
  return new ShopError(fallback(0), 0);
}
