/**
 * The dashboard's pages load their script, styles, chart library and screenshots from this server
 * only. No inline script or style (the chart data is a JSON block, which is not executed). No
 * upgrade-insecure-requests: offices often reach the service over plain HTTP inside their network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
