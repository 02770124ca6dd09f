// The Content-Security-Policy of the standalone app, written into the built index.html as a meta
// tag (the app is served as static files, often with no say over the headers). Scripts, styles,
// workers and the manifest come only from the app's own origin: no inline script, no eval, no
// remote code. `connect-src` is wider on purpose: the app reads the default directory from its
// origin and signed directory feeds from any https origin the user subscribes to (plus plain http
// on the loopback host, for a feed served on this machine). `frame-ancestors` cannot be set from a
// meta tag; a server that can send headers should add `frame-ancestors 'none'`.
export const STANDALONE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
