/** Filled in by the CDN build (vite.config.ts, `chunkDeps`): each element chunk's shared chunks, relative to the loader. */
declare module 'virtual:lr-chunk-deps' {
  const chunkDeps: Readonly<Record<string, readonly string[]>>;
  export default chunkDeps;
}
