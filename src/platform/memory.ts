import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Runs full garbage collections, once start-up is over. Why: on a fresh data directory PGlite
 * runs initdb in a second WebAssembly instance (its own memory, ≈ 430 MiB with the file-system
 * bundle); once initdb is done that memory is garbage, but it lives outside the JavaScript heap, so
 * an idle server that allocates little never triggers the collection that would return it — the
 * server kept ≈ 900 MiB resident instead of ≈ 300 (issue 8). It takes two collections: the first
 * frees the buffers, the second the WebAssembly memories they kept alive. A collection of a small
 * heap takes milliseconds. `--expose-gc` set at run time makes `gc` available in contexts created
 * afterwards.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}
