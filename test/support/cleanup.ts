// Resources started by test helpers are released when the whole test file
// ends (a node:test `after` called inside a hook would fire too early).
import { after } from 'node:test';

const tasks: Array<() => unknown> = [];

after(async () => {
  for (const task of tasks.splice(0).reverse()) await task();
});

export function onCleanup(task: () => unknown): void {
  tasks.push(task);
}
