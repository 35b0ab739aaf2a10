import '@remix-run/server-runtime';

declare module '@remix-run/server-runtime' {
  interface AppLoadContext {
    /** The client's address as the server sees it (behind a proxy: from X-Forwarded-For). */
    clientAddress?: string;
  }
}
