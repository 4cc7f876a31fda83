// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { propsDiffer, pure } from '../../../lib/ui/pure.ts';

afterEach(cleanup);

describe('pure components', () => {
  it('compare props one by one with Object.is; a removed prop counts, an added undefined one does not', () => {
    const f = () => {};
    expect(propsDiffer({ a: 1, f }, { a: 1, f })).toBe(false);
    expect(propsDiffer({ a: Number.NaN }, { a: Number.NaN })).toBe(false);
    expect(propsDiffer({ a: 1 }, { a: 2 })).toBe(true);
    expect(propsDiffer({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(propsDiffer({ a: 1 }, { a: 1, b: 0 })).toBe(true);
    expect(propsDiffer({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(propsDiffer({ o: {} }, { o: {} })).toBe(true);
  });

  it('render again only when a prop changed', () => {
    let renders = 0;
    const Label = pure(({ text }: { text: string }) => {
      renders += 1;
      return <p>{text}</p>;
    });
    const { container, rerender } = render(<Label text="a" />);
    rerender(<Label text="a" />);
    expect(renders).toBe(1);
    rerender(<Label text="b" />);
    expect(renders).toBe(2);
    expect(container.textContent).toBe('b');
  });
});
