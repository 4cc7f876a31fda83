import {
  type DropRule,
  LATE_METHODS,
  type LookupError,
  type RestFault,
  type RestFaults,
} from '../faults/rest-faults.ts';
import { bad, type ControlReply, intIn, isJsonObject, type Json, MAX_MS, OK } from './control-reply.ts';

function count(value: unknown): number | undefined {
  return value === undefined ? 1 : intIn(value, 1, 1_000_000);
}

function methodsOf(value: unknown): readonly string[] | undefined | 'bad' {
  if (value === undefined) return undefined;
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? (value as string[])
    : 'bad';
}

/** `{"count":N}` (default 1) or `{"probability":p}`: how often an order fault fires. */
function ruleOf(name: string, spec: Json, n: number): DropRule | string {
  if (spec.probability === undefined) return { kind: 'count', remaining: n };
  const p = spec.probability;
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) return `${name}.probability must be 0..1`;
  return { kind: 'probability', p };
}

type Arm = () => void;

/** One member of the body, validated; returns what arms it, or why it is refused. */
function member(name: string, spec: Json, faults: RestFaults): Arm | string {
  const methods = methodsOf(spec.methods);
  if (methods === 'bad') return `${name}.methods must be a list of REST method names`;
  const n = count(spec.count);
  if (n === undefined) return `${name}.count must be an integer 1..1000000`;
  const arm =
    (fault: RestFault): Arm =>
    () =>
      faults.arm(fault, n, methods);
  switch (name) {
    case 'dropOrderResponses': {
      const rule = ruleOf(name, spec, n);
      return typeof rule === 'string' ? rule : () => faults.setDrop(rule, methods);
    }
    case 'lateExecution': {
      const ms = intIn(spec.ms, 0, MAX_MS);
      if (ms === undefined) return `lateExecution.ms must be an integer 0..${MAX_MS}`;
      if (methods?.some((method) => !LATE_METHODS.includes(method)))
        return `lateExecution.methods may only name ${LATE_METHODS.join(', ')}`;
      const rule = ruleOf(name, spec, n);
      return typeof rule === 'string' ? rule : () => faults.setLate(ms, rule, methods);
    }
    case 'failLookups': {
      const ms = intIn(spec.ms, 1, MAX_MS);
      if (ms === undefined) return `failLookups.ms must be an integer 1..${MAX_MS}`;
      const error = spec.error ?? 'EService:Unavailable';
      if (error !== 'EService:Unavailable' && error !== 'EService:Busy' && error !== 'http5xx')
        return 'failLookups.error must be "EService:Unavailable", "EService:Busy" or "http5xx"';
      const chosen: LookupError = error;
      return () => faults.failLookups(ms, chosen);
    }
    case 'deadManFail': {
      const ms = intIn(spec.ms, 1, MAX_MS);
      if (ms === undefined) return `deadManFail.ms must be an integer 1..${MAX_MS}`;
      return () => faults.failDeadMan(ms);
    }
    case 'delay': {
      const ms = intIn(spec.ms, 0, MAX_MS);
      if (ms === undefined) return `delay.ms must be an integer 0..${MAX_MS}`;
      return arm({ kind: 'delay', ms });
    }
    case 'httpStatus': {
      const status = intIn(spec.status, 500, 599);
      if (status === undefined) return 'httpStatus.status must be 500..599';
      return arm({ kind: 'http', status });
    }
    case 'cloudflare': {
      const status = spec.status === undefined ? 522 : intIn(spec.status, 520, 530);
      if (status === undefined) return 'cloudflare.status must be 520..530';
      return arm({ kind: 'cloudflare', status });
    }
    case 'serviceError': {
      const error = spec.error ?? 'EService:Unavailable';
      if (error !== 'EService:Unavailable' && error !== 'EService:Busy')
        return 'serviceError.error must be "EService:Unavailable" or "EService:Busy"';
      return arm({ kind: 'service', error });
    }
    default:
      return `unknown fault ${name}`;
  }
}

/**
 * `/_sim/faults` body: `dropOrderResponses`, `lateExecution`, `failLookups`, `deadManFail`, `delay`,
 * `httpStatus`, `cloudflare`, `serviceError` — each optional (docs/simulator.md). Validated as a whole
 * before anything is armed.
 */
export function setFaults(json: Json, faults: RestFaults): ControlReply {
  const arms: Arm[] = [];
  for (const [name, raw] of Object.entries(json)) {
    if (!isJsonObject(raw)) return bad(400, `${name} must be an object`);
    const armed = member(name, raw, faults);
    if (typeof armed === 'string') return bad(400, armed);
    arms.push(armed);
  }
  for (const arm of arms) arm();
  return OK;
}
