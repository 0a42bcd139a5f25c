import type { Team } from '../api/types';

/** One `<option>` per team, its id as the value and its name as the text. */
export function TeamOptions({ teams }: { teams: readonly Pick<Team, 'id' | 'name'>[] }) {
  return teams.map((team) => (
    <option key={team.id} value={team.id}>
      {team.name}
    </option>
  ));
}
