// RFC 9457 problem details: every API error leaves as `application/problem+json`.
import type { Context } from 'hono';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A problem object; `slug` names the problem type (`/problems/<slug>`). */
export function problem(status: number, slug: string, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `/problems/${slug}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

export function problemResponse(p: Problem, instance?: string): Response {
  const body = instance ? { ...p, instance } : p;
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export function sendProblem(c: Context, status: number, slug: string, detail?: string, extra: Partial<Problem> = {}): Response {
  return problemResponse(problem(status, slug, detail, extra), new URL(c.req.url).pathname);
}
