import type { FetchLike } from '../../lib/kraken/index.ts';

export interface Captured {
  url: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  params: URLSearchParams;
}

type Reply = { status?: number; body: unknown } | { status?: number; text: string } | Error | 'hang';

/**
 * A fetch that records exactly what it received (URL, headers, body bytes) and answers from `handler`.
 * 'hang' waits until the request's AbortSignal fires, like a server that never answers.
 */
export function fakeFetch(handler: (req: Captured, index: number) => Reply | Promise<Reply>) {
  const requests: Captured[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    const u = new URL(url);
    const body = typeof init.body === 'string' ? init.body : '';
    const req: Captured = {
      url,
      path: u.pathname,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body,
      params: init.method === 'POST' ? new URLSearchParams(body) : u.searchParams,
    };
    requests.push(req);
    const reply = await handler(req, requests.length - 1);
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        if (init.signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (reply instanceof Error) throw reply;
    const text = 'text' in reply ? reply.text : JSON.stringify(reply.body);
    return new Response(text, { status: reply.status ?? 200 });
  };
  return { fetch: fetchFn, requests };
}

export const ok = (result: unknown) => ({ body: { error: [], result } });
export const fail = (...error: string[]) => ({ body: { error } });
