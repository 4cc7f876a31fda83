// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
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

  // pure() runs the function in the class's own render (lib/ui/pure.ts says why): its hooks must behave as in
  // a function component — state re-renders past the props check, context changes reach it, effects clean up.
  it('hooks inside: state, context and effects work as in a function component', async () => {
    const Lang = createContext('en');
    const log: string[] = [];
    const Counter = pure(function Counter({ label }: { label: string }) {
      const [n, setN] = useState(0);
      const lang = useContext(Lang);
      useEffect(() => {
        log.push(`mount ${label}`);
        return () => log.push(`unmount ${label}`);
      }, [label]);
      return (
        <button type="button" onClick={() => setN(n + 1)}>
          {lang} {label} {n}
        </button>
      );
    });
    const { container, rerender } = render(
      <Lang.Provider value="en">
        <Counter label="a" />
      </Lang.Provider>,
    );
    const button = () => container.querySelector('button') as HTMLButtonElement;
    await act(() => {
      fireEvent.click(button());
    });
    await act(() => {
      fireEvent.click(button());
    });
    expect(button().textContent).toBe('en a 2');
    rerender(
      <Lang.Provider value="fr">
        <Counter label="a" />
      </Lang.Provider>,
    );
    expect(button().textContent).toBe('fr a 2');
    rerender(<Lang.Provider value="fr">{null}</Lang.Provider>);
    await act(() => {});
    expect(log).toEqual(['mount a', 'unmount a']);
  });
});
