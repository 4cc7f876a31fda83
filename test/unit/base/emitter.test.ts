import { describe, expect, it } from 'vitest';
import { createEmitter } from '../../../lib/base/emitter.ts';

describe('createEmitter', () => {
  it('calls every listener in subscription order', () => {
    const emitter = createEmitter<number>();
    const heard: string[] = [];
    emitter.on((v) => heard.push(`a${v}`));
    emitter.on((v) => heard.push(`b${v}`));
    emitter.emit(1);
    emitter.emit(2);
    expect(heard).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('isolates listeners: one that throws neither skips the others nor escapes emit', () => {
    const errors: [unknown, number][] = [];
    const emitter = createEmitter<number>({ onError: (error, value) => errors.push([error, value]) });
    const heard: number[] = [];
    const boom = new Error('listener bug');
    emitter.on(() => {
      throw boom;
    });
    emitter.on((v) => heard.push(v));
    expect(() => emitter.emit(7)).not.toThrow();
    expect(heard).toEqual([7]);
    expect(errors).toEqual([[boom, 7]]);
  });

  it('keeps going when the error reporter itself throws', () => {
    const emitter = createEmitter<string>({
      onError: () => {
        throw new Error('reporter bug');
      },
    });
    const heard: string[] = [];
    emitter.on(() => {
      throw new Error('first');
    });
    emitter.on((v) => heard.push(v));
    expect(() => emitter.emit('x')).not.toThrow();
    expect(heard).toEqual(['x']);
  });

  it('unsubscribes, and a listener removed during an emit is not called after its removal', () => {
    const emitter = createEmitter<number>();
    const heard: string[] = [];
    let offB: () => void = () => {};
    emitter.on((v) => {
      heard.push(`a${v}`);
      offB();
    });
    offB = emitter.on((v) => heard.push(`b${v}`));
    const offC = emitter.on((v) => heard.push(`c${v}`));
    emitter.emit(1);
    offC();
    offC(); // twice is harmless
    emitter.emit(2);
    expect(heard).toEqual(['a1', 'c1', 'a2']);
    expect(emitter.size).toBe(1);
  });

  it('counts the same function subscribed twice as two subscriptions', () => {
    const emitter = createEmitter<number>();
    let calls = 0;
    const listener = () => {
      calls += 1;
    };
    const off = emitter.on(listener);
    emitter.on(listener);
    emitter.emit(0);
    off();
    emitter.emit(0);
    expect(calls).toBe(3);
  });
});
