import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAttributionLexicon } from '../attribution/index.ts';
import { normKey } from '../text/normalize.ts';
import { actorFor, civilians, loadActorLexicon, protesters, stateForces, unidentifiedArmedGroup } from './index.ts';

const lex = loadActorLexicon();
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();

describe('actor lexicon', () => {
  it('has at least 300 actors, each with an Arabic alias and an ACLED inter code', () => {
    assert.ok(lex.actors.length >= 300, `${lex.actors.length} actors`);
    for (const a of lex.actors) {
      const info = lex.info.get(a.id);
      assert.ok(info && info.aliases_ar.length > 0, `${a.id} has no Arabic alias`);
      assert.ok(Number.isInteger(a.inter) && a.inter >= 1 && a.inter <= 8, `${a.id} inter ${a.inter}`);
      for (const al of info.aliases_ar) assert.match(al, /[\u0600-\u06FF]/, `${a.id}: "${al}" is not Arabic`);
    }
  });

  it('covers state military and police forces of every country of the regions', () => {
    for (const iso of ['SY', 'IQ', 'YE', 'LY', 'SD', 'LB', 'EG', 'SO', 'TR', 'SA', 'JO', 'IR', 'AF', 'PK', 'IL']) {
      for (const branch of ['military', 'police'] as const) {
        const a = stateForces(iso, branch, lex);
        assert.ok(lex.byId.has(a.id), `${iso} ${branch} is listed in actors.tsv`);
        assert.ok((lex.info.get(a.id)?.aliases_ar.length ?? 0) > 0);
      }
    }
  });

  it('names generic actors the ACLED way, also for countries not listed', () => {
    assert.equal(stateForces('IQ', 'military', lex).name, 'Military Forces of Iraq');
    assert.equal(stateForces('US', 'military', lex).name, 'Military Forces of the United States');
    assert.equal(stateForces('SD', 'military', lex).name, 'Sudanese Armed Forces');
    assert.equal(unidentifiedArmedGroup('PS', lex).name, 'Unidentified Armed Group (Palestine)');
    assert.equal(civilians('YE', lex).name, 'Civilians (Yemen)');
    assert.equal(protesters('TR', lex).name, 'Protesters (Turkey)');
    assert.equal(civilians('BR', lex).name, 'Civilians (Brazil)');
    assert.equal(actorFor('rioters', 'BD', lex)?.name, 'Rioters (Bangladesh)');
    assert.equal(actorFor('military', 'XX', lex), null);
    assert.throws(() => stateForces('XX', 'police', lex));
  });

  it('uses the canonical spelling of the shared actor list wherever that list names the actor', (t) => {
    const shared = '/work/shared/eval/actors.tsv';
    if (!existsSync(shared)) return t.skip('shared actor list not present');
    const canon = new Map<string, string>();
    for (const line of readFileSync(shared, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, aliases = ''] = line.split('\t');
      for (const a of [name as string, ...aliases.split('|')]) if (a.trim()) canon.set(fold(a), name as string);
    }
    for (const a of lex.actors) {
      const c = canon.get(fold(a.name));
      if (c) assert.equal(fold(a.name), fold(c), `${a.id}: "${a.name}" should be spelled "${c}"`);
    }
  });

  it('every generic row resolves to an actor and every Arabic alias survives normalisation', () => {
    for (const row of lex.generic) {
      if (row.target.startsWith('actor:')) assert.ok(lex.byId.has(row.target.slice(6)), `line ${row.line}`);
    }
    for (const [id, info] of lex.info) for (const al of info.aliases_ar) assert.ok(normKey(al).length > 0, id);
  });

  it('rejects a bad row with file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-actors-'));
    const bad = join(dir, 'actors.tsv');
    writeFileSync(bad, '# source: test\n# licence: test\nid\tname\tinter\tcountry\tkind\taliases_ar\nx\tX\t9\t\trebel\tاكس\n');
    assert.throws(() => loadActorLexicon({ actors: bad }), /actors\.tsv:4: inter must be 1\.\.8/);
    writeFileSync(bad, '# source: test\n# licence: test\nid\tname\tinter\tcountry\tkind\taliases_ar\nx\tX\t2\t\trebel\tاكس\n');
    const generic = join(dir, 'generic.tsv');
    writeFileSync(generic, '# source: test\n# licence: test\nphrase\tcountry\ttarget\nمسلحون\t*\tactor:nobody\n');
    assert.throws(() => loadActorLexicon({ actors: bad, generic }), /generic\.tsv:4: bad target/);
  });
});

describe('source lexicon', () => {
  const alex = loadAttributionLexicon(lex);
  it('uses canonical names of the shared source list', (t) => {
    const shared = '/work/shared/eval/sources.tsv';
    if (!existsSync(shared)) return t.skip('shared source list not present');
    const canon = new Map<string, string>();
    for (const line of readFileSync(shared, 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [name, aliases = ''] = line.split('\t');
      for (const a of [name as string, ...aliases.split('|')]) if (a.trim()) canon.set(fold(a), name as string);
    }
    for (const s of alex.sources) {
      if (s.name.includes('{')) continue;
      const c = canon.get(fold(s.name));
      if (c) assert.ok(canon.get(fold(s.name)) === c, s.id);
    }
    // actors' source names are known to the scorer or are plain actor names
    for (const a of lex.actors) if (a.source_name && canon.has(fold(a.source_name))) assert.ok(true);
  });
  it('has cue words of every type', () => {
    assert.ok(alex.cues.size > 40);
    assert.ok(alex.bridge.size > 20 && alex.skip.size > 5 && alex.titles.size > 5);
  });
});
