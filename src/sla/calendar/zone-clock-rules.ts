/**
 * Conversions between instants and a zone's wall clock, with Intl doing the DST rules. "Wall ms" is
 * the local date and time written as if it were UTC (Date.UTC of the local fields), which makes local
 * days and minutes plain arithmetic.
 */

// Building an Intl formatter is far slower than using one; zones are few, so each is built once.
// The cache changes no result, so the functions stay pure.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is this an IANA zone Intl knows? */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at `instantMs`, in ms (Riyadh: +3 h). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000; // Intl shows whole seconds only
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - whole;
}

/** The wall clock at an instant, as wall ms. */
export function wallMsAt(timeZone: string, instantMs: number): number {
  return instantMs + zoneOffsetMs(timeZone, instantMs);
}

/**
 * The instant a wall time happens. Offsets are read a day either side, since a zone changes offset at
 * most once in two days. A time that happens twice (clocks go back) gives the earlier instant; a time
 * that never happens (clocks go forward) is moved on by the gap, so 01:30 on London's spring-forward
 * night is 02:30 BST — the same choice as Temporal's 'compatible'.
 */
export function instantOfWall(timeZone: string, wallMs: number): number {
  const before = zoneOffsetMs(timeZone, wallMs - 86_400_000);
  const after = zoneOffsetMs(timeZone, wallMs + 86_400_000);
  const fits = (offset: number) => zoneOffsetMs(timeZone, wallMs - offset) === offset;
  if (before === after) {
    if (fits(before)) return wallMs - before;
  } else {
    const a = fits(before) ? wallMs - before : null;
    const b = fits(after) ? wallMs - after : null;
    if (a !== null && b !== null) return Math.min(a, b);
    if (a !== null) return a;
    if (b !== null) return b;
  }
  // In a gap: read with the offset in force before it, which lands just as far past the change.
  return wallMs - before;
}
