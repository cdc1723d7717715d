/** The few HTTP API calls the bridge does not offer: registration, login and who am I. */

async function call<T>(
  gateway: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const response = await fetch(`${gateway.replace(/\/$/, "")}${path}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

export function register(
  gateway: string,
  email: string,
  name: string,
  password: string,
): Promise<{ id: string }> {
  return call(gateway, "POST", "/api/v1/users", { email, name, password });
}

export async function login(gateway: string, email: string, password: string): Promise<string> {
  const answer = await call<{ accessToken: string }>(gateway, "POST", "/api/v1/auth/token", {
    email,
    password,
  });
  return answer.accessToken;
}

export function me(gateway: string, token: string): Promise<{ id: string }> {
  return call(gateway, "GET", "/api/v1/users/me", undefined, token);
}
