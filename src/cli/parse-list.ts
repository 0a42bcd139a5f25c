import { scopes, type Scope } from '../kernel/index.ts';

export class UsageError extends Error {}

/** "ar:5,en:4" → [{ name: 'ar', proficiency: 5 }, …]; a missing level means 3. */
export function parseLevels(value: string | undefined, what: string): { name: string; proficiency: number }[] {
  if (!value) return [];
  return value.split(',').map((part) => {
    const [name, level = '3'] = part.split(':').map((s) => s.trim());
    const proficiency = Number(level);
    if (!name || !Number.isInteger(proficiency) || proficiency < 1 || proficiency > 5) {
      throw new UsageError(`--${what}: "${part}" should look like name:level with a level from 1 to 5`);
    }
    return { name, proficiency };
  });
}

export function parseScopes(value: string | undefined): Scope[] {
  if (!value) throw new UsageError('--scopes is required, e.g. --scopes conversations:read,conversations:write');
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((s) => !(scopes as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`unknown scope ${unknown.join(', ')}; known: ${scopes.join(' ')}`);
  return list as Scope[];
}
