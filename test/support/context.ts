/**
 * A RunContext for calling commands directly in tests, as the core would build it. The store is
 * a real one (SQLite in memory) when `withStore` is used; by default an in-process one.
 */

import type { Attachment, ComponentContext, RunContext } from '../../src/commands/types';
import type { HouseRecord, ImportTermsResult, ListedEraseResult, SavedPlan, SavePlanResult, ServerData, TeamStore, TeamTerm, WriteResult } from '../../src/store/types';
import { PLANS_PER_SERVER, TERMS_PER_SERVER, importPlan, isAsListed, nameKey, namesRepeat, serverDataOf } from '../../src/store/types';

/** Keeps everything in maps, per guild: enough for command tests that are not about storage. */
export function memoryStore(): TeamStore {
  const houses = new Map<string, HouseRecord>();
  const terms = new Map<string, Map<string, TeamTerm>>();
  const plans = new Map<string, Map<string, SavedPlan>>();
  const of = <T>(m: Map<string, Map<string, T>>, g: string) => m.get(g) ?? m.set(g, new Map()).get(g)!;
  /** The servers that have written, as the database's `guilds` rows: every write records its server, even one that changes nothing. */
  const recorded = new Set<string>();
  const writing = (g: string) => void recorded.add(g);
  const key = nameKey;
  /** How many times each plan has been saved under its name, by server and name key, as the plans table's revision. */
  const revisions = new Map<string, Map<string, number>>();
  const serverData = (g: string): ServerData => {
    const house = houses.get(g);
    return serverDataOf({
      recorded: recorded.has(g),
      house: house && { text: house.text, setAt: house.setAt.toISOString() },
      terms: [...of(terms, g)].map(([k, t]) => ({ ...t, key: k, updatedAt: t.updatedAt.toISOString() })),
      plans: [...of(plans, g)].map(([k, p]) => ({ key: k, revision: of(revisions, g).get(k) ?? 1, savedAt: p.savedAt.toISOString() })),
    });
  };
  /** Removes everything the server has, and says what it was. */
  const erase = (g: string): ServerData => {
    const erased = serverData(g);
    recorded.delete(g);
    houses.delete(g);
    terms.delete(g);
    plans.delete(g);
    revisions.delete(g);
    return erased;
  };
  return {
    house: async (g) => houses.get(g),
    setHouse: async (g, r) => {
      writing(g);
      const replaced = houses.get(g);
      houses.set(g, r);
      return replaced;
    },
    clearHouse: async (g) => {
      writing(g);
      const removed = houses.get(g);
      houses.delete(g);
      return removed;
    },
    terms: async (g) => [...of(terms, g).values()],
    term: async (g, n) => of(terms, g).get(key(n)),
    addTerm: async (g, t): Promise<WriteResult> => {
      writing(g);
      const m = of(terms, g);
      if (m.has(key(t.name))) return 'exists';
      if (m.size >= TERMS_PER_SERVER) return 'full';
      m.set(key(t.name), t);
      return 'ok';
    },
    editTerm: async (g, t): Promise<WriteResult> => {
      writing(g);
      const m = of(terms, g);
      if (!m.has(key(t.name))) return 'missing';
      m.set(key(t.name), t);
      return 'ok';
    },
    removeTerm: async (g, n): Promise<WriteResult> => {
      writing(g);
      return of(terms, g).delete(key(n)) ? 'ok' : 'missing';
    },
    importTerms: async (g, imported, by): Promise<ImportTermsResult> => {
      writing(g);
      if (namesRepeat(imported)) throw new Error('importTerms was given two terms of the same name');
      const m = of(terms, g);
      const plan = importPlan([...m.values()], imported);
      if (m.size + plan.added.length > TERMS_PER_SERVER) return { outcome: 'full', has: m.size, adding: plan.added.length };
      const texts = (t: (typeof imported)[number]) => ({ name: t.name, definition: t.definition, formula: t.formula, example: t.example, link: t.link });
      for (const t of plan.added) m.set(key(t.name), { ...texts(t), addedById: by.id, addedByName: by.name, addedAt: by.at, updatedAt: by.at });
      for (const t of plan.replaced) m.set(key(t.name), { ...m.get(key(t.name))!, ...texts(t), updatedById: by.id, updatedByName: by.name, updatedAt: by.at });
      const names = (list: readonly { name: string }[]) => list.map((t) => t.name);
      return { outcome: 'ok', added: names(plan.added), replaced: names(plan.replaced), unchanged: names(plan.unchanged), kept: names(plan.kept) };
    },
    plans: async (g) => [...of(plans, g).values()],
    plan: async (g, n) => of(plans, g).get(key(n)),
    savePlan: async (g, p, { replaceAnyAuthor = false } = {}): Promise<SavePlanResult> => {
      writing(g);
      const m = of(plans, g);
      const existing = m.get(key(p.name));
      const author = existing && { savedById: existing.savedById, savedByName: existing.savedByName };
      if (author && author.savedById !== p.savedById && !replaceAnyAuthor) return { outcome: 'not-author', author };
      if (!author && m.size >= PLANS_PER_SERVER) return { outcome: 'full' };
      m.set(key(p.name), p);
      of(revisions, g).set(key(p.name), author ? (of(revisions, g).get(key(p.name)) ?? 1) + 1 : 1);
      return { outcome: 'ok', replaced: author };
    },
    deletePlan: async (g, n): Promise<WriteResult> => {
      writing(g);
      of(revisions, g).delete(key(n));
      return of(plans, g).delete(key(n)) ? 'ok' : 'missing';
    },
    serverData: async (g) => serverData(g),
    eraseServerData: async (g) => ({ ...erase(g), sqliteLogNotEmptied: false }),
    eraseServerDataAsListed: async (g, listed): Promise<ListedEraseResult> => {
      const stored = serverData(g);
      if (!isAsListed(stored, listed)) return { outcome: 'changed', stored };
      return { outcome: 'erased', erased: { ...erase(g), sqliteLogNotEmptied: false } };
    },
    ready: async () => {},
    close: async () => {},
  };
}

export interface ContextOptions {
  guildId?: string;
  /** In a server: whether the server has added Tierbot (default), or only the user has. */
  guildInstalled?: boolean;
  manager?: boolean;
  userId?: string;
  store?: TeamStore;
  files?: Record<string, Uint8Array>;
  /** Whether others see a public reply; default: in a server yes, else no (the DM with Tierbot). */
  othersSeePublicReplies?: boolean;
}

export function testContext(opts: ContextOptions = {}): RunContext {
  return {
    guildId: opts.guildId,
    guildInstalled: opts.guildId !== undefined && (opts.guildInstalled ?? true),
    user: { id: opts.userId ?? '300000000000000001', name: 'tester' },
    canManageGuild: opts.manager ?? false,
    locale: 'en-US',
    othersSeePublicReplies: opts.othersSeePublicReplies ?? opts.guildId !== undefined,
    store: opts.store ?? memoryStore(),
    download: async (a: Attachment) => {
      const data = opts.files?.[a.url] ?? opts.files?.[a.filename];
      if (!data) throw new Error(`no test file for ${a.url}`);
      return data;
    },
    now: new Date('2026-12-06T12:00:00Z'),
  };
}

export function testComponentContext(opts: ContextOptions & { attachments?: Attachment[] } = {}): ComponentContext {
  return { ...testContext(opts), message: { id: '400000000000000001', attachments: opts.attachments ?? [] } };
}
