/** Worker thread entry for `svclab test --jobs N`: runs tasks it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { executeTask, type Task, type TaskOptions } from './execute';
import { onWorkerThread } from '../util/v8-flags';

onWorkerThread();

interface Request {
  id: number;
  task: Task;
  options: TaskOptions;
}

parentPort?.on('message', (msg: Request) => {
  let result;
  try {
    result = { id: msg.id, result: executeTask(msg.task, msg.options) };
  } catch (err) {
    result = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(result);
});
