/**
 * The user's place in line in words. `position` is 1-based among the requests waiting on the same
 * route, so first place has nobody ahead and reads "next", never "one ahead of you". Before the
 * first place arrives (just handed over by the assistant) first in line is the honest guess.
 */
export function queuePlace(
  t: (key: string, options?: Record<string, unknown>) => string,
  position: number | undefined,
): string {
  const place = Math.max(1, position ?? 1);
  return place === 1 ? t('widget.next') : t('widget.position', { position: place });
}
