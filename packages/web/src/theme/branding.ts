import type { Branding } from '../api/types.ts';

export const DEFAULT_PRODUCT_NAME = 'Switchboard';
const DEFAULT_COLORS = { primary: '#1f4e8c', on_primary: '#ffffff' };
const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * Re-themes the running console through CSS variables: no reload, no re-render needed. The
 * primary colour and the colour drawn on it theme the header and the main buttons; the background
 * and text colours theme the page and its cards (the API checks both pairs for contrast, and the
 * stylesheet derives muted tones from them). `null` restores the default theme.
 */
export function applyBranding(branding: Branding | null, root: HTMLElement = document.documentElement): void {
  const colors = branding !== null && HEX.test(branding.colors.primary) && HEX.test(branding.colors.on_primary) ? branding.colors : DEFAULT_COLORS;
  root.style.setProperty('--brand', colors.primary);
  root.style.setProperty('--brand-contrast', colors.on_primary);
  const page = branding !== null && HEX.test(branding.colors.background) && HEX.test(branding.colors.text) ? branding.colors : null;
  for (const name of ['--page', '--surface']) {
    if (page === null) root.style.removeProperty(name);
    else root.style.setProperty(name, page.background);
  }
  if (page === null) root.style.removeProperty('--ink');
  else root.style.setProperty('--ink', page.text);
  document.title = branding?.product_name ?? DEFAULT_PRODUCT_NAME;
}
