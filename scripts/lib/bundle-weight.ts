import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript each page makes the browser download (the language catalogue it loads included),
 * from the classic compiler's output: the
 * Remix manifest (public/build/manifest-*.js) gives each route's module and the chunks it imports,
 * and esbuild's metafile (build/metafile.js.json) says which source files ended up in which chunk
 * and which routes import recharts in their source.
 */

/** Pages without charts must stay at or under this many gzip bytes of JavaScript. */
export const PAGE_BUDGET_BYTES = 200 * 1024;
const CHART_LIBRARY = 'node_modules/recharts/';

type ManifestRoute = { id: string; parentId?: string; path?: string; module: string; imports?: string[] };
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute> };
type Metafile = {
  inputs: Record<string, { imports: { path: string }[] }>;
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }>;
};

export type RouteWeight = {
  route: string;
  /** Gzip bytes of every script the page loads (entry, root, layouts, the route, their chunks). */
  gzipBytes: number;
  files: number;
  /** The route's own source imports recharts (directly or through app modules). */
  drawsCharts: boolean;
  /** Its scripts carry recharts. */
  loadsCharts: boolean;
  withinBudget: boolean;
};

export type BundleReport = {
  routes: RouteWeight[];
  chartChunkGzipBytes: number;
  problems: string[];
};

function readManifest(buildDir: string): Manifest {
  const file = readdirSync(buildDir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!file) throw new Error(`no manifest in ${buildDir}: run npm run build first`);
  const text = readFileSync(path.join(buildDir, file), 'utf8');
  return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as Manifest;
}

/** Every app source file a route reaches through its imports, stopping at node_modules. */
function reaches(metafile: Metafile, start: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const file = stack.pop()!;
    if (file.includes(target)) return true;
    if (seen.has(file) || file.includes('node_modules/')) continue;
    seen.add(file);
    for (const { path: next } of metafile.inputs[file]?.imports ?? []) stack.push(next);
  }
  return false;
}

export function bundleReport(root = process.cwd()): BundleReport {
  const publicDir = path.join(root, 'public');
  const manifest = readManifest(path.join(publicDir, 'build'));
  const metafile = JSON.parse(readFileSync(path.join(root, 'build', 'metafile.js.json'), 'utf8')) as Metafile;
  const gzipCache = new Map<string, number>();
  const gzipOf = (url: string) => {
    let size = gzipCache.get(url);
    if (size === undefined) {
      // Default level, as the server's compression middleware sends it.
      size = gzipSync(readFileSync(path.join(publicDir, url))).length;
      gzipCache.set(url, size);
    }
    return size;
  };
  const outputOf = (url: string) => metafile.outputs[`public${url}`];
  const chartChunks = new Set(
    Object.entries(metafile.outputs)
      .filter(([, output]) => Object.keys(output.inputs).some((input) => input.includes(CHART_LIBRARY)))
      .map(([file]) => file.replace(/^public/, '')),
  );

  // Everything a script pulls in, following the static imports esbuild recorded.
  const closure = (urls: string[]) => {
    const files = new Set<string>();
    const stack = [...urls];
    while (stack.length) {
      const url = stack.pop()!;
      if (files.has(url)) continue;
      files.add(url);
      for (const { path: next, kind } of outputOf(url)?.imports ?? []) if (kind !== 'dynamic-import') stack.push(next.replace(/^public/, ''));
    }
    return files;
  };
  // The entry imports each language's catalogue dynamically and every page loads one of them:
  // count the largest, with what it imports.
  const catalogueFiles = (() => {
    const options = (outputOf(manifest.entry.module)?.imports ?? [])
      .filter((i) => i.kind === 'dynamic-import')
      .map((i) => closure([i.path.replace(/^public/, '')]));
    const size = (files: Set<string>) => [...files].reduce((sum, url) => sum + gzipOf(url), 0);
    return options.sort((a, b) => size(b) - size(a))[0] ?? new Set<string>();
  })();

  const problems: string[] = [];
  const routes = Object.values(manifest.routes)
    .filter((route) => route.id !== 'root')
    .map((route) => {
      const chain: ManifestRoute[] = [];
      for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) chain.push(r);
      const files = closure([
        manifest.entry.module, ...(manifest.entry.imports ?? []), ...catalogueFiles,
        ...chain.flatMap((r) => [r.module, ...(r.imports ?? [])]),
      ]);
      const gzipBytes = [...files].reduce((sum, url) => sum + gzipOf(url), 0);
      const sourceFile = Object.keys(metafile.inputs).find((input) => input === `app/${route.id}.tsx` || input === `app/${route.id}.ts`);
      const drawsCharts = sourceFile ? reaches(metafile, sourceFile, CHART_LIBRARY) : false;
      const loadsCharts = [...files].some((url) => chartChunks.has(url));
      const withinBudget = drawsCharts || gzipBytes <= PAGE_BUDGET_BYTES;
      if (!withinBudget) problems.push(`${route.id}: ${kb(gzipBytes)} of JavaScript without a chart (budget ${kb(PAGE_BUDGET_BYTES)})`);
      if (loadsCharts && !drawsCharts) problems.push(`${route.id}: loads the chart library but draws no chart`);
      return { route: route.id, gzipBytes, files: files.size, drawsCharts, loadsCharts, withinBudget };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes || a.route.localeCompare(b.route));
  const chartChunkGzipBytes = [...chartChunks].reduce((sum, url) => sum + gzipOf(url), 0);
  return { routes, chartChunkGzipBytes, problems };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatBundleReport(report: BundleReport): string {
  const lines = [
    `JavaScript per page (gzip; budget ${kb(PAGE_BUDGET_BYTES)} for pages without charts; the chart chunk is ${kb(report.chartChunkGzipBytes)})`,
    `${'route'.padEnd(72)} ${'gzip'.padStart(10)}  charts`,
    ...report.routes.map((r) =>
      `${r.route.padEnd(72)} ${kb(r.gzipBytes).padStart(10)}  ${r.drawsCharts ? 'draws' : r.loadsCharts ? 'LOADS, draws none' : '-'}${r.withinBudget ? '' : '  OVER BUDGET'}`),
    report.problems.length ? `Problems:\n${report.problems.map((p) => `  ${p}`).join('\n')}` : 'Every page without charts is within budget; chart code loads only on pages that draw charts.',
  ];
  return lines.join('\n');
}
