/** Worker thread of bench/search-bulk.ts: turns index sources into index rows with the search module's own functions. */
import { parentPort } from 'node:worker_threads';
import { loadSearchFunctions, type IndexSourceMessage } from './search-bulk.ts';

const fns = await loadSearchFunctions();
if (!fns) throw new Error('search module functions not found');
parentPort!.on('message', (m: { id: number; sources: IndexSourceMessage[] }) => {
  parentPort!.postMessage({ id: m.id, rows: m.sources.map((s) => fns.indexRow(s)) });
});
parentPort!.postMessage({ ready: true });
