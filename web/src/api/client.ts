import createClient, { type Client } from 'openapi-fetch';
import { ApiError, asProblem } from './problem';

export type Service = 'registry' | 'review' | 'activities' | 'assessment' | 'notifications';

/**
 * A typed client of one service. The gateway on this origin routes `/api/<service>/…` to the
 * service's own paths: `/api/registry/public/stations` → registry `GET /public/stations`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function serviceClient<Paths extends {}>(service: Service): Client<Paths> {
  return createClient<Paths>({
    baseUrl: `/api/${service}`,
    // Looked up at each call, not at creation, so that tests can stub globalThis.fetch.
    fetch: (request: Request) => globalThis.fetch(request),
    headers: { Accept: 'application/json, application/problem+json' },
  });
}

/** What a signed-in client needs from the console's session. */
export interface Credentials {
  /** The bearer token to send; null when nobody is signed in. */
  accessToken(): string | null;
  /** A service answered 401: the token is no longer accepted, the session is over. */
  rejected(problem: unknown): void;
}

/**
 * A client of one service that sends the session's bearer token and reports a 401 to the
 * session. Only the console uses these: the public pages call the services anonymously.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function signedInClient<Paths extends {}>(service: Service, credentials: Credentials): Client<Paths> {
  const client = serviceClient<Paths>(service);
  client.use({
    onRequest({ request }) {
      const token = credentials.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.status === 401) {
        const body: unknown = await response
          .clone()
          .json()
          .catch(() => null);
        credentials.rejected(body);
      }
      return response;
    },
  });
  return client;
}

interface Outcome<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call; otherwise throws an {@link ApiError} carrying the problem
 * (status 0 when the request got no answer at all).
 */
export async function call<Data>(request: () => Promise<Outcome<Data>>): Promise<Data> {
  let outcome: Outcome<Data>;
  try {
    outcome = await request();
  } catch (cause) {
    throw new ApiError(0, null, cause);
  }
  const { data, error, response } = outcome;
  if (!response.ok || error !== undefined) {
    throw new ApiError(response.status, asProblem(error, response.status));
  }
  return data as Data;
}
