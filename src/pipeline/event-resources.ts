import { type EventLexicon, loadEventLexicon } from '../events/lexicon.ts';
import { loadRoleLexicon, type RoleLexicon } from '../events/roles.ts';

export interface EventResources {
  events: EventLexicon;
  roles: RoleLexicon;
}

export function loadEventResources(dir?: string): EventResources {
  return { events: loadEventLexicon(dir), roles: loadRoleLexicon(dir) };
}
