import { Command } from 'cmdk';
import { useState } from 'react';
import { navigate } from '../router/router.tsx';
import { useOfferedScreens } from '../screens/offered-screens.ts';
import { screenPath } from '../screens/registry.tsx';
import { useSessions } from '../session/session-store.ts';
import { useCan } from '../session/use-can.ts';
import { useAsync } from '../ui/use-async.ts';
import { PALETTE_ACTIONS, PALETTE_SOURCES, receiptJump, type PaletteEntry } from './palette-entries.ts';

const CHECKS = [...PALETTE_SOURCES, ...PALETTE_ACTIONS].map((s) => ({ action: s.action }));

/** Jump to a screen, tenant, request, quote or receipt, or start a common action: typed, arrowed, entered. */
export default function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { active } = useSessions();
  const { screens } = useOfferedScreens();
  const { ready, can } = useCan(CHECKS);
  const [search, setSearch] = useState('');
  const sources = PALETTE_SOURCES.filter((s) => can(s.action));
  const { state } = useAsync(
    async (): Promise<PaletteEntry[]> => (active === undefined || !open ? [] : (await Promise.all(sources.map((s) => s.load(active).catch(() => [])))).flat()),
    `${active?.token}:${open}:${ready}:${sources.map((s) => s.action).join(',')}`,
  );
  if (active === undefined) return null;
  // The typed text goes with the dialog, as it would were the input uncontrolled.
  const setOpen = (next: boolean) => {
    if (!next) setSearch('');
    onOpenChange(next);
  };
  const go = (href: string) => {
    setOpen(false);
    navigate(href);
  };
  const receipt = screens.some((s) => s.id === 'receipts') ? receiptJump(search, active.tenant_id) : null;
  const records = [...(receipt === null ? [] : [receipt]), ...(state.status === 'ready' ? state.data : [])];
  const groups = [...new Set(records.map((r) => r.group))];
  return (
    <Command.Dialog open={open} onOpenChange={setOpen} label="Command palette" overlayClassName="palette-overlay" contentClassName="palette">
      <Command.Input value={search} onValueChange={setSearch} placeholder="Go to a screen, tenant, request, quote or receipt id…" aria-label="Search screens, records and actions" />
      <Command.List label="Results">
        {state.status === 'loading' && <Command.Loading label="Loading records">Loading records…</Command.Loading>}
        <Command.Empty>Nothing matches.</Command.Empty>
        <Command.Group heading="Screens">
          {screens.map((s) => (
            <Command.Item key={s.id} value={`screen ${s.title}`} onSelect={() => go(screenPath(s, active.tenant_id))}>
              {s.title}
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Actions">
          {PALETTE_ACTIONS.filter((a) => can(a.action)).map((a) => (
            <Command.Item key={a.action} value={`action ${a.label}`} onSelect={() => go(`/tenants/${encodeURIComponent(active.tenant_id)}/${a.path}`)}>
              {a.label}
            </Command.Item>
          ))}
        </Command.Group>
        {groups.map((g) => (
          <Command.Group key={g} heading={g}>
            {records
              .filter((r) => r.group === g)
              .map((r) => (
                <Command.Item key={r.id} value={`${r.label} ${r.id}`} keywords={r.keywords} onSelect={() => go(r.href)}>
                  {r.label}
                </Command.Item>
              ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
