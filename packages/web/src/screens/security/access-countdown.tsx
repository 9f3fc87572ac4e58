import { useEffect, useState } from 'react';

const TICK_MS = 1000;

/** "1:05:09" or "4:07": hours only when there are any. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The time left until active access is reverted, ticking every second. */
export function AccessCountdown({ until }: { until: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(until) - now;
  return (
    <p className="hr-countdown">
      Reverts automatically in{' '}
      {/* A timer is not announced on every tick; a screen reader reads it when asked. */}
      <strong role="timer" aria-label="Time until the access is reverted" data-testid="revert-countdown">
        {left > 0 ? formatRemaining(left) : 'due now'}
      </strong>{' '}
      <span className="muted">(at {until})</span>
    </p>
  );
}
