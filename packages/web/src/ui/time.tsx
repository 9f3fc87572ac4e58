import { absoluteTime, relativeTime } from './format.ts';

/** A time shown relative to now, with the absolute time in the viewer's zone on hover and for machines. */
export function Time({ at }: { at: string }) {
  return (
    <time dateTime={at} title={absoluteTime(at)}>
      {relativeTime(at)}
    </time>
  );
}
