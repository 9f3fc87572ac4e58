import { lazy, Suspense, useEffect, useState } from 'react';

// The palette's module (and cmdk with it) loads on first use, so it stays out of the first load.
const CommandPalette = lazy(() => import('./command-palette.tsx'));

/** Opens the command palette with Ctrl-K or Cmd-K anywhere, or with its button in the header. */
export function PaletteLauncher() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setUsed(true);
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="on-brand"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        Go to… <kbd>Ctrl K</kbd>
      </button>
      {used && (
        <Suspense fallback={null}>
          <CommandPalette open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
