// A component that renders again only when one of its props changed (each compared with Object.is): what
// preact/compat's `memo` does, without importing compat (whose option hooks change how every element renders).
//
// The class calls the render function itself instead of rendering it as a child element (`h(render, props)`,
// as compat's memo does). With the child element, the side panel kept every render's vnode tree alive: 6.8 →
// 143 MB in 60 s at 10× market speed (bench row sidepanel-heap, 2026-12-06), from the translated depth ladder
// on. When a memo bails out, Preact hands the old wrapper vnode's children array to the new one and points the
// child's parent at the new wrapper; the old wrapper keeps the same array, so from any stale vnode still
// referenced (a parent's `props.children` after a component re-rendered itself) the heap walks old wrapper →
// shared children → child → newer wrapper → that render's whole tree, one render after another. Read in a
// heap snapshot's retaining path; gone once no child vnode sits between the wrapper and the output. Hooks run
// in the class's render as in a function (Preact's hooks attach to whichever component is rendering, and
// chain a state change's update past this shouldComponentUpdate). The e2e `sidepanel-memory` fails without it.
import { Component, type ComponentChild, type FunctionComponent } from 'preact';

export function pure<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Pure extends Component<P> {
    static override displayName = `Pure(${render.displayName ?? render.name})`;
    override shouldComponentUpdate(next: Readonly<P>): boolean {
      return propsDiffer(this.props, next);
    }
    override render(props: P): ComponentChild {
      return render(props);
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
