// One Relais process with the worker role only, as `relais worker` runs it, for
// the publishing benchmark: the configuration comes as the environment it
// would read. It says "ready" once its worker is started; the message "measure"
// starts its CPU and event-loop counters; on SIGTERM it stops gracefully and
// sends back what they counted.
import { performance } from 'node:perf_hooks';
import { loadConfig, type RawEnv } from '../src/server/config.ts';
import { startRelais } from '../src/server/main.ts';

export interface PublishingWorkerReport {
  /** CPU time used since "measure", user and system, in ms. */
  cpuMs: number;
  /** Share of that time the event loop was busy (0–1). */
  eventLoopUtilization: number;
}

if (process.argv[1] === import.meta.filename) {
  const env = JSON.parse(process.argv[2]!) as RawEnv;
  const relais = await startRelais(loadConfig(env), ['worker']);
  let cpu = process.cpuUsage();
  let loop = performance.eventLoopUtilization();
  process.on('message', (message) => {
    if (message !== 'measure') return;
    cpu = process.cpuUsage();
    loop = performance.eventLoopUtilization();
  });
  process.send!('ready');
  process.once('SIGTERM', () => {
    const used = process.cpuUsage(cpu);
    const report: PublishingWorkerReport = { cpuMs: (used.user + used.system) / 1000, eventLoopUtilization: performance.eventLoopUtilization(loop).utilization };
    void relais.stop().then(() => process.send!(report, () => process.exit(0)));
  });
}
