import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SanadApi } from '../api/sanad-api';
import type { Agent, Team } from '../api/types';

/** The workspace's agents and teams, for names and for the assign and transfer pickers. */
export function useDirectory(api: SanadApi) {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);

  const reload = useCallback(() => {
    api.agents().then(setAgents, () => undefined);
    api.teams().then(setTeams, () => undefined);
  }, [api]);

  useEffect(reload, [reload]);

  const agentsById = useMemo(() => new Map(agents.map((a) => [a.id, a])), [agents]);
  const teamsById = useMemo(() => new Map(teams.map((t) => [t.id, t])), [teams]);
  const agentName = useCallback((id: string | null | undefined) => (id ? (agentsById.get(id)?.name ?? null) : null), [agentsById]);
  const teamName = useCallback((id: string | null | undefined) => (id ? (teamsById.get(id)?.name ?? null) : null), [teamsById]);

  return { agents, teams, agentName, teamName, reload };
}
