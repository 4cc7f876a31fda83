// The popup's tab bar: WAI-ARIA tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): one tab stop, arrows
// (and Home / End) move between tabs and select them, each tab controls its panel.
import { useRef } from 'preact/hooks';

export type Tab = 'watch' | 'trade';
export const TABS: readonly Tab[] = ['watch', 'trade'];

export function Tabs({
  tab,
  labels,
  onSelect,
}: {
  tab: Tab;
  labels: Readonly<Record<Tab, string>>;
  onSelect(tab: Tab): void;
}) {
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const move = (to: Tab) => {
    onSelect(to);
    refs.current[to]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const last = TABS.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? TABS[i === last ? 0 : i + 1]
        : e.key === 'ArrowLeft'
          ? TABS[i === 0 ? last : i - 1]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[last]
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  return (
    <div class="tabs" role="tablist" aria-orientation="horizontal" onKeyDown={onKeyDown}>
      {TABS.map((id) => (
        <button
          key={id}
          ref={(el) => {
            refs.current[id] = el;
          }}
          id={`tab-${id}`}
          type="button"
          role="tab"
          class={tab === id ? 'on' : ''}
          aria-selected={tab === id}
          aria-controls={`panel-${id}`}
          tabIndex={tab === id ? 0 : -1}
          data-testid={`tab-${id}`}
          onClick={() => onSelect(id)}
        >
          {labels[id]}
        </button>
      ))}
    </div>
  );
}
