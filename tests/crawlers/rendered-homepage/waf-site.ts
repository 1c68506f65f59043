import type { RequestListener } from 'node:http';

export const GATED_HOMEPAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>四川省某某县人民政府</title></head>
<body><h1>四川省某某县人民政府</h1><a href="/zwgk/">政务公开</a><a href="/zfgb/">政府公报</a></body></html>`;

/** What a 瑞数-style WAF sends a client without its cookie: 412 and a script that sets it and reloads. */
export const CHALLENGE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<script>document.cookie='x=1;path=/';location.reload()</script></body></html>`;

/**
 * A site behind such a WAF: every path answers 412 with the cookie-setting script until the cookie is
 * sent, then the page. `/stuck/` never lets anyone in (its script sets no cookie).
 */
export function wafGatedSite(): RequestListener {
  return (request, response) => {
    const passed = /(^|;\s*)x=1(;|$)/.test(request.headers.cookie ?? '');
    if (request.url === '/stuck/' || !passed) {
      response.writeHead(412, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        request.url === '/stuck/' ? '<html><body><script>var a=1</script></body></html>' : CHALLENGE,
      );
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(GATED_HOMEPAGE);
  };
}
