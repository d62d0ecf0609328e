export interface FakeRequest {
  method: string;
  url: URL;
  body?: string | null;
}

export interface FakeResponse {
  status: number;
  contentType: string;
  body: string;
  /** Further response headers, such as `Retry-After`. */
  headers?: Record<string, string>;
}
