// One Relais process with the worker role only, as `relais worker` runs it, for
// the publishing benchmark: the configuration comes as the environment it
// would read. It says "ready" once its worker is started; the message "measure"
// starts its CPU and event-loop counters; on SIGTERM it stops gracefully and
// sends back what they counted.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig, type RawEnv } from '../src/server/config.ts';
import { startRelais } from '../src/server/main.ts';
import { watchRequestStages, type RequestStages } from './request-stages.ts';

export interface PublishingWorkerReport {
  /** CPU time used since "measure", user and system, in ms. */
  cpuMs: number;
  /** Share of that time the event loop was busy (0–1). */
  eventLoopUtilization: number;
  /** How late a timer due every 1 ms ran, p50 / p99 / max, in ms: how long the work in between held the loop. */
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  requests: RequestStages;
}

if (process.argv[1] === import.meta.filename) {
  const env = JSON.parse(process.argv[2]!) as RawEnv;
  const relais = await startRelais(loadConfig(env), ['worker']);
  let cpu = process.cpuUsage();
  let loop = performance.eventLoopUtilization();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const stages = watchRequestStages();
  process.on('message', (message) => {
    if (message !== 'measure') return;
    cpu = process.cpuUsage();
    loop = performance.eventLoopUtilization();
    delay.reset();
    delay.enable();
    stages.reset();
  });
  process.send!('ready');
  process.once('SIGTERM', () => {
    const used = process.cpuUsage(cpu);
    delay.disable();
    const ms = (ns: number) => ns / 1e6;
    const report: PublishingWorkerReport = {
      cpuMs: (used.user + used.system) / 1000,
      eventLoopUtilization: performance.eventLoopUtilization(loop).utilization,
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      requests: stages.report(),
    };
    void relais.stop().then(() => process.send!(report, () => process.exit(0)));
  });
}
