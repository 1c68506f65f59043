// The entry BullMQ forks for a sandboxed site inspection. The child inherits the parent's execArgv,
// which holds no TypeScript loader when the service was started through bin/gov-inspect.js (tsx is
// registered there in code), so the child registers tsx itself before loading the processor.
import { register } from 'tsx/esm/api';

register();
const { default: processSiteJob } = await import('./site-processor.ts');
export default processSiteJob;
