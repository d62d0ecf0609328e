export interface FakeRequest {
  method: string;
  url: URL;
  body?: string | null;
  /** The request's Cookie header, as the browser sent it. */
  cookie?: string | null;
  /** Every request header, names lower-cased (as the browser sent them). */
  headers?: Record<string, string>;
}

export interface FakeResponse {
  status: number;
  contentType: string;
  body: string;
  /** Further response headers, such as `Retry-After`. */
  headers?: Record<string, string>;
}
