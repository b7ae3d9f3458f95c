import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** The deck's slide in CSS pixels (338.7 mm x 190.5 mm at 96 px per inch). */
const SLIDE = { width: 1280, height: 720 } as const;

/** Shown on screen: one slide at a time (the one with class "on"), no page margins. */
const SCREEN_CSS = `<style>
  @media screen { html, body { background: #fff !important; overflow: hidden; } .slide { display: none !important; margin: 0 !important; } .slide.on { display: flex !important; } }
</style>`;

/**
 * The deck full-screen: the backend's deck HTML in a sandboxed frame (no scripts; same origin so
 * this page can show one slide at a time), scaled to the window. Arrow keys, PageUp/PageDown and
 * Space page; Home and End jump; Escape leaves.
 */
export function Presentation({ html, slides, onClose }: { html: string; slides: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [scale, setScale] = useState(1);
  const [loaded, setLoaded] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const srcDoc = html.replace('</head>', `${SCREEN_CSS}</head>`);

  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(slides - 1, to))), [slides]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const k = e.key;
      if (k === 'ArrowRight' || k === 'ArrowDown' || k === 'PageDown' || k === ' ') setIndex((i) => Math.min(slides - 1, i + 1));
      else if (k === 'ArrowLeft' || k === 'ArrowUp' || k === 'PageUp') setIndex((i) => Math.max(0, i - 1));
      else if (k === 'Home') setIndex(0);
      else if (k === 'End') setIndex(slides - 1);
      else if (k === 'Escape') onClose();
      else return;
      e.preventDefault();
    },
    [slides, onClose],
  );

  useEffect(() => {
    window.addEventListener('keydown', onKey);
    const doc = loaded ? frame.current?.contentDocument : null;
    doc?.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      doc?.removeEventListener('keydown', onKey);
    };
  }, [onKey, loaded]);

  useEffect(() => {
    const fit = () => setScale(Math.min(window.innerWidth / SLIDE.width, (window.innerHeight - 48) / SLIDE.height));
    fit();
    window.addEventListener('resize', fit);
    const el = root.current;
    el?.focus();
    if (el?.requestFullscreen) el.requestFullscreen().catch(() => {});
    return () => {
      window.removeEventListener('resize', fit);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);

  useEffect(() => {
    const doc = loaded ? frame.current?.contentDocument : null;
    doc?.querySelectorAll('.slide').forEach((s, i) => s.classList.toggle('on', i === index));
  }, [index, loaded]);

  return (
    <div className="presentation" ref={root} tabIndex={-1} role="dialog" aria-modal="true" aria-label={t('forum.presentation')} data-testid="presentation">
      <div className="presentation__stage" style={{ width: SLIDE.width * scale, height: SLIDE.height * scale }}>
        <iframe
          ref={frame}
          title={t('forum.presentation')}
          sandbox="allow-same-origin"
          srcDoc={srcDoc}
          onLoad={() => setLoaded(true)}
          style={{ width: SLIDE.width, height: SLIDE.height, transform: `scale(${scale})` }}
        />
      </div>
      <div className="presentation__bar">
        <Button size="sm" variant="ghost" onClick={() => go(index - 1)} disabled={index === 0} aria-label={t('forum.previous')}>
          ‹
        </Button>
        <span className="presentation__count" aria-live="polite" data-testid="slide-count">
          {t('forum.slideOf', { n: index + 1, total: slides })}
        </span>
        <Button size="sm" variant="ghost" onClick={() => go(index + 1)} disabled={index === slides - 1} aria-label={t('forum.next')}>
          ›
        </Button>
        <Button size="sm" variant="secondary" onClick={onClose}>
          {t('forum.leave')}
        </Button>
      </div>
    </div>
  );
}
