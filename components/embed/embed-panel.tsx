'use client';
/**
 * The Embed dialog's live preview: the embed page's own panel code (components/embed/page/mount.ts,
 * no React inside) mounted into a box, so the preview is drawn exactly as the embed will be.
 * Started again whenever an option changes.
 */
import { useEffect, useRef } from 'react';
import type { PanelConfig } from '@/lib/embed/view/panel-view';
import { mountEmbedPanel } from './page/mount';
import './embed-panel.css';

export function EmbedPanel(config: PanelConfig) {
  const box = useRef<HTMLDivElement>(null);
  // Options as one value: a new object with the same options does not restart the panel.
  const key = JSON.stringify(config);
  useEffect(() => {
    const host = box.current;
    if (!host) return;
    const stop = mountEmbedPanel(host, JSON.parse(key) as PanelConfig, null);
    return () => {
      stop();
      host.replaceChildren();
    };
  }, [key]);
  return <div ref={box} style={{ height: '100%' }} />;
}
