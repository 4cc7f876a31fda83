// A component that renders again only when one of its props changed (each compared with Object.is): what
// preact/compat's `memo` does, without importing compat (whose option hooks change how every element renders).
import { Component, type FunctionComponent, h } from 'preact';

export function pure<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    static override displayName = `Pure(${render.displayName ?? render.name})`;
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return propsDiffer(this.props, next);
    }
    override render(props: P) {
      return h(render, props);
    }
  }
  return Pure as unknown as FunctionComponent<P>;
}

/**
 * True when a prop was removed or changed, children included (as preact/compat compares: a prop added as
 * `undefined` renders the same, so it is no change).
 */
export function propsDiffer(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key in x) if (!(key in y)) return true;
  for (const key in y) if (!Object.is(x[key], y[key])) return true;
  return false;
}
