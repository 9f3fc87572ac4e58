import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { apiRequest } from '../api/client.ts';
import type { Branding } from '../api/types.ts';
import { useSessions } from '../session/session-store.ts';
import { applyBranding } from './branding.ts';

interface BrandingState {
  branding: Branding | null;
  /** Applies branding at once (after a change is saved). */
  setBranding: (b: Branding) => void;
}

const BrandingContext = createContext<BrandingState>({ branding: null, setBranding: () => {} });

export const useBranding = (): BrandingState => useContext(BrandingContext);

export const loadBranding = (tenantId: string): Promise<Branding> => apiRequest('GET', `/tenants/${encodeURIComponent(tenantId)}/branding`);

/** Themes the console with the active tenant's (public) branding; the default theme when there is none. */
export function BrandingProvider({ children }: { children: ReactNode }) {
  const { active } = useSessions();
  const [branding, setBranding] = useState<Branding | null>(null);
  const tenantId = active?.tenant_id;
  useEffect(() => {
    let current = true;
    setBranding(null);
    if (tenantId !== undefined) {
      loadBranding(tenantId).then(
        (b) => current && setBranding(b),
        () => undefined,
      );
    }
    return () => {
      current = false;
    };
  }, [tenantId]);
  useEffect(() => applyBranding(branding), [branding]);
  return <BrandingContext.Provider value={{ branding, setBranding }}>{children}</BrandingContext.Provider>;
}
