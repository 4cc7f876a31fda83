import { useEffect, useRef, useState } from 'preact/hooks';
import { AlertRuleError } from '../alerts/rule-error.ts';
import type { CrossRule } from '../alerts/rules.ts';
import { localeDecimal, numberProblemText, parseLocaleDecimal } from '../i18n/number-input.ts';
import { alertRuleText } from './alert-rule-text.ts';
import { errorText } from './error-text.ts';
import { useLocale, useT } from './locale.ts';

/** The windows a % move is judged over (the engine takes 1 min to 7 days: lib/alerts/rules.ts). */
const WINDOWS_MIN = [5, 15, 60, 240, 1440] as const;

const inputText = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/**
 * The alert form, opened from a watchlist row (or the chart, or the address bar) with the level pre-filled:
 * every kind the engine supports — a level crossed (above / below, on the last or mid price, with an optional
 * re-arm band) or a % move within a window; once, or every time with a cooldown; an optional expiry. Numbers are
 * read the page's way ("0,5" in French; "1,000" refused). Esc closes it.
 */
/** What the alert form and the alerts panel ask of the background. */
export interface AlertActions {
  create(rule: Record<string, unknown>): Promise<unknown>;
  edit(id: string, changes: Record<string, unknown>): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  setPaused(id: string, paused: boolean): Promise<unknown>;
  /** Silent until `until` (ms): the popup's "Snooze 1 h", as the Chrome notification's button. */
  snooze(id: string, until: number): Promise<unknown>;
}

export function AlertForm({
  symbol,
  price,
  actions,
  onClose,
  editing,
  direction: initialDirection = 'above',
}: {
  symbol: string;
  /** The level to start from, as plain decimal text ("97123.4"); shown the page's way ("97123,4" in French). */
  price: string;
  /** The direction to start from (the address bar's `kr alert btc < 90000`). */
  direction?: 'above' | 'below';
  actions: AlertActions;
  onClose(): void;
  /** An existing level alert to edit instead of creating a new one. */
  editing?: CrossRule;
}) {
  const locale = useLocale();
  const t = useT();
  const [kind, setKind] = useState<'cross' | 'move'>('cross');
  const [direction, setDirection] = useState<'above' | 'below'>(editing?.direction ?? initialDirection);
  // Untouched, the level follows the page's language (which may settle after the form opens); typed, it is kept.
  // The level starts at the price when the form opened (a live price does not move it afterwards).
  const [initial] = useState(editing?.level ?? price);
  const [typed, setLevel] = useState<string | null>(null);
  const level = typed ?? localeDecimal(initial, locale);
  const [band, setBand] = useState(
    editing && editing.rearmBand !== '0' ? localeDecimal(editing.rearmBand, locale) : '',
  );
  const [source, setSource] = useState<'last' | 'mid'>(editing?.source ?? 'last');
  const [percent, setPercent] = useState('');
  const [windowMin, setWindowMin] = useState<number>(15);
  const [repeat, setRepeat] = useState<'once' | 'repeat'>(editing?.repeat.kind ?? 'once');
  const [cooldown, setCooldown] = useState(
    editing?.repeat.kind === 'repeat' ? String(Math.round(editing.repeat.cooldownMs / 60_000)) : '5',
  );
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [kind]);

  /** A number typed the page's way, or an error message naming the field. */
  const read = (text: string, field: string | null): string | { error: string } => {
    const r = parseLocaleDecimal(text, locale);
    if (r.ok) return r.value;
    const problem = numberProblemText(r.problem, text, t);
    // The level is the form's one number: its message stands alone; the others say which field they are about.
    return { error: field === null ? problem : t('alertForm.fieldError', { field, problem }) };
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const minutes = read(cooldown, t('alertForm.cooldown'));
    if (repeat === 'repeat' && typeof minutes !== 'string') return setError(minutes.error);
    const expiresAt = expires === '' ? null : new Date(expires).getTime();
    if (expiresAt !== null && (!Number.isFinite(expiresAt) || expiresAt <= Date.now()))
      return setError(t('alertForm.expiryPast'));
    const common = {
      source,
      expiresAt,
      repeat:
        repeat === 'once'
          ? { kind: 'once' }
          : { kind: 'repeat', cooldownMs: Math.round(Number(minutes as string) * 60_000) },
    };
    let fields: Record<string, unknown>;
    if (kind === 'cross') {
      const lvl = read(level, null);
      if (typeof lvl !== 'string') return setError(lvl.error);
      const rearm = band.trim() === '' ? '0' : read(band, t('alertForm.band'));
      if (typeof rearm !== 'string') return setError(rearm.error);
      fields = { kind: 'cross', direction, level: lvl, rearmBand: rearm, ...common };
    } else {
      const pct = read(percent, t('alertForm.percent'));
      if (typeof pct !== 'string') return setError(pct.error);
      fields = { kind: 'move', percent: Number(pct), windowMs: windowMin * 60_000, ...common };
    }
    try {
      if (editing) {
        const { kind: _kind, ...changes } = fields;
        await actions.edit(editing.id, changes);
      } else await actions.create({ symbol, ...fields });
      onClose();
    } catch (e) {
      // A refused rule is said by its code, in the page's language (its texts load with this form).
      setError(e instanceof AlertRuleError ? alertRuleText(e.problem, t) : errorText(e, t));
    }
  };
  return (
    <form
      class="alert-form"
      onSubmit={submit}
      data-testid="alert-form"
      aria-label={t('alertForm.label', { symbol })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="form-row">
        <b>{symbol}</b>
        {!editing && (
          <select
            value={kind}
            aria-label={t('alertForm.kind')}
            data-testid="alert-kind"
            onChange={(e) => setKind(inputText(e) === 'move' ? 'move' : 'cross')}
          >
            <option value="cross">{t('alertForm.kind.cross')}</option>
            <option value="move">{t('alertForm.kind.move')}</option>
          </select>
        )}
      </div>
      {kind === 'cross' ? (
        <div class="form-row">
          <select
            value={direction}
            onChange={(e) => setDirection(inputText(e) === 'below' ? 'below' : 'above')}
            aria-label={t('alertForm.direction')}
            data-testid="alert-direction"
          >
            <option value="above">{t('alertForm.above')}</option>
            <option value="below">{t('alertForm.below')}</option>
          </select>
          <input
            ref={first}
            value={level}
            onInput={(e) => setLevel(inputText(e))}
            aria-label={t('alertForm.level')}
            data-testid="alert-level"
            inputMode="decimal"
            autoComplete="off"
          />
          <label class="field-inline">
            <span class="hint">{t('alertForm.band')}</span>
            <input
              class="short"
              value={band}
              placeholder="0"
              onInput={(e) => setBand(inputText(e))}
              data-testid="alert-band"
              inputMode="decimal"
              autoComplete="off"
            />
          </label>
        </div>
      ) : (
        <div class="form-row">
          <label class="field-inline">
            <span class="hint">{t('alertForm.percent')}</span>
            <input
              ref={first}
              class="short"
              value={percent}
              placeholder={locale === 'fr' ? '2,5' : '2.5'}
              onInput={(e) => setPercent(inputText(e))}
              data-testid="alert-percent"
              inputMode="decimal"
              autoComplete="off"
            />
          </label>
          <select
            value={String(windowMin)}
            aria-label={t('alertForm.window')}
            data-testid="alert-window"
            onChange={(e) => setWindowMin(Number(inputText(e)))}
          >
            {WINDOWS_MIN.map((m) => (
              <option key={m} value={String(m)}>
                {m < 60 ? t('alertForm.withinMin', { n: m }) : t('alertForm.withinH', { n: m / 60 })}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="form-row">
        <select
          value={source}
          aria-label={t('alertForm.source')}
          data-testid="alert-source"
          onChange={(e) => setSource(inputText(e) === 'mid' ? 'mid' : 'last')}
        >
          <option value="last">{t('alertForm.source.last')}</option>
          <option value="mid">{t('alertForm.source.mid')}</option>
        </select>
        <select
          value={repeat}
          onChange={(e) => setRepeat(inputText(e) === 'repeat' ? 'repeat' : 'once')}
          aria-label={t('alertForm.repeat')}
          data-testid="alert-repeat"
        >
          <option value="once">{t('alertForm.once')}</option>
          <option value="repeat">{t('alertForm.every')}</option>
        </select>
        {repeat === 'repeat' && (
          <label class="field-inline">
            <span class="hint">{t('alertForm.cooldown')}</span>
            <input
              class="short"
              value={cooldown}
              onInput={(e) => setCooldown(inputText(e))}
              data-testid="alert-cooldown"
              inputMode="decimal"
              autoComplete="off"
            />
          </label>
        )}
      </div>
      <div class="form-row">
        <label class="field-inline">
          <span class="hint">{t('alertForm.expires')}</span>
          <input
            type="datetime-local"
            value={expires}
            onInput={(e) => setExpires(inputText(e))}
            data-testid="alert-expiry"
          />
        </label>
      </div>
      <div class="form-row">
        <button type="submit" class="primary" data-testid="alert-create">
          {editing ? t('alertForm.save') : t('alertForm.create')}
        </button>
        <button type="button" class="link" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert" data-testid="alert-error">
          {error}
        </p>
      )}
    </form>
  );
}
