// Starts a bench worker thread on a TypeScript module: worker threads do not inherit tsx's loader.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
