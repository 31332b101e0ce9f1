// Requests to Emma's JSON API. The page and the API share one origin, so
// fetch sends the session cookie with every request.

/** A failed API request, with the code, message and field that Emma sent. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field || "";
  }
}

/**
 * Sends a request with body encoded as JSON (undefined sends none) and
 * returns the decoded response. Throws ApiError for an error status and
 * TypeError when the server cannot be reached.
 */
export async function request(method, path, body) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const data = await readJSON(response);
  if (response.status === 401) {
    // The session expired or was ended in another tab.
    window.location.assign("/login");
  }
  if (!response.ok) {
    throw toApiError(response.status, data);
  }
  return data;
}

/** Returns a sentence for the user about a failed request. */
export function describeError(err) {
  if (err instanceof ApiError) {
    return err.message;
  }
  return "Emma could not be reached; check the connection and try again.";
}

async function readJSON(response) {
  const type = response.headers.get("Content-Type") || "";
  if (!type.includes("application/json")) {
    return null;
  }
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function toApiError(status, data) {
  const detail = data && data.error;
  if (detail && typeof detail.message === "string") {
    return new ApiError(status, detail.code, detail.message, detail.field);
  }
  return new ApiError(status, `http_${status}`,
    `The server responded with status ${status}; try again in a moment.`);
}
