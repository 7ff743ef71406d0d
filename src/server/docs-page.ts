// A self-contained HTML page describing the OpenAPI document (no CDN, works offline).
interface Doc {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
  }>;
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

function schemaText(s: unknown): string {
  if (!s || typeof s !== 'object') return '';
  const o = s as {
    type?: string;
    enum?: unknown[];
    $ref?: string;
    format?: string;
    pattern?: string;
  };
  if (o.$ref) return o.$ref.replace('#/components/schemas/', '');
  if (o.enum) return o.enum.map(String).join(' | ');
  return [o.type, o.format].filter(Boolean).join(' ');
}

export function renderDocsPage(doc: Doc): string {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(schemaText(p.schema))}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description)}</td></tr>`,
        )
        .join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      ops.push(`<section class="op"><h2><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<table><thead><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr></thead><tbody>${params}</tbody></table>` : ''}
${op.requestBody ? '<p>Request body: JSON (see the schema in <a href="/openapi.json">openapi.json</a>).</p>' : ''}
<ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info?.title)} API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code{background:#f3f3f3;padding:0 .25em;border-radius:3px}.op{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:3px;font-size:.8em;padding:.1em .4em}
.m-get{background:#2b6cb0}.m-post{background:#2f855a}table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}</style>
</head><body><h1>${esc(doc.info?.title)} <small>${esc(doc.info?.version)}</small></h1><p>${esc(doc.info?.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457).</p>
${ops.join('\n')}</body></html>`;
}
