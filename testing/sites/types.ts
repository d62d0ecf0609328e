export interface FakeRequest {
  method: string;
  url: URL;
  body?: string | null;
}

export interface FakeResponse {
  status: number;
  contentType: string;
  body: string;
}
