import { type EventLexicon, loadEventLexicon } from '../events/lexicon.ts';
import { type AllianceLexicon, loadAlliances, loadRoleLexicon, type RoleLexicon } from '../events/roles.ts';

export interface EventResources {
  events: EventLexicon;
  roles: RoleLexicon;
  alliances: AllianceLexicon;
}

export function loadEventResources(dir?: string): EventResources {
  return { events: loadEventLexicon(dir), roles: loadRoleLexicon(dir), alliances: loadAlliances(dir) };
}
