import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import './basemap-switch.css';
import type { BasemapService } from '../../geodata/basemaps.ts';
import { useBasemaps } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MapController } from '../map/map-controller.ts';

const OFFLINE = 'offline';
const NONE: readonly BasemapService[] = [];

/**
 * The basemap switch, among the map's own controls (under the zoom buttons): the offline map,
 * always there and the default, and the online services the server offers. A service that cannot
 * be reached is marked so, a notice says the map went back to the offline basemap, and picking
 * it again tries again. Nothing is shown when the server offers no online service.
 */
export function BasemapSwitch({ controller }: { controller: MapController | null }) {
  const { t, lang } = useI18n();
  const services = useBasemaps().data ?? NONE;
  const [chosen, setChosen] = useState(OFFLINE);
  const [unavailable, setUnavailable] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const service = services.find((s) => s.id === chosen) ?? null;
    controller?.setBasemap(service, (id) => {
      setUnavailable((u) => new Set(u).add(id));
      setFailed(id);
      setChosen(OFFLINE);
    });
  }, [controller, chosen, services]);

  // A click elsewhere closes the menu, as any pop-up menu does.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const slot = controller?.controlSlot;
  if (!slot || services.length === 0) return null;

  const pick = (id: string) => {
    setChosen(id);
    setFailed(null);
    setUnavailable((u) => {
      const next = new Set(u);
      next.delete(id);
      return next;
    });
  };
  const failedName = services.find((s) => s.id === failed)?.name[lang];

  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the switch closes its menu; the controls inside are buttons and radios.
    <div
      ref={root}
      className="basemap-switch"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="basemap-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('basemap')}
        title={t('basemap')}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M12 3 2 8l10 5 10-5-10-5Z M2 12.5l10 5 10-5 M2 16.5l10 5 10-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <fieldset id={menuId} className="basemap-menu">
          <legend>{t('basemap')}</legend>
          <label>
            <input type="radio" name={`${menuId}-basemap`} value={OFFLINE} checked={chosen === OFFLINE} onChange={() => pick(OFFLINE)} />
            <span>
              {t('basemapOffline')}
              <small>{t('basemapOfflineHelp')}</small>
            </span>
          </label>
          {services.map((s) => (
            <label key={s.id} className={unavailable.has(s.id) ? 'unavailable' : undefined}>
              <input type="radio" name={`${menuId}-basemap`} value={s.id} checked={chosen === s.id} onChange={() => pick(s.id)} />
              <span>
                {s.name[lang]}
                <small>
                  {unavailable.has(s.id) ? t('basemapUnavailable') : t('basemapOnlineHelp')} ·{' '}
                  <a href={s.termsUrl} target="_blank" rel="noopener noreferrer">
                    {t('basemapTerms')}
                  </a>
                </small>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="basemap-notice" role="status">
        {failedName && (
          <>
            <span>{t('basemapFellBack', { name: failedName })}</span>
            <button type="button" aria-label={t('close')} onClick={() => setFailed(null)}>
              ×
            </button>
          </>
        )}
      </div>
    </div>,
    slot,
  );
}
