/**
 * JSON in localStorage (Sanad's origin, inside the frame), falling back to memory where storage is
 * blocked (private modes, storage partitioning refusals) so the chat still works for the page's life.
 */
const memory = new Map<string, string>();

export function load<T>(key: string): T | null {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(key);
  } catch {
    raw = memory.get(key);
  }
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function save(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, raw);
  } catch {
    memory.set(key, raw);
  }
}
