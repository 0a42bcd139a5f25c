/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from 1 s up to 30 s, with jitter
 * so that many widgets dropped together do not return together. `random` is in [0, 1).
 */
export function reconnectDelay(attempt: number, random: number, baseMs = 1000, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
