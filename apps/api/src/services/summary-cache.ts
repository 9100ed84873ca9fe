/**
 * Plan summaries kept in memory, for a database that this process alone writes to (embedded PGlite,
 * which one process owns): every read of a plan or of its documents starts with its summary, and on
 * PGlite that query costs more than the rest of the read. Several API instances over one PostgreSQL
 * cannot know each other's writes, so there the cache is off and every read asks the database.
 *
 * Writes go through PlansService, which forgets the plan before and after its transaction. A read that
 * overlapped any write does not keep what it read: the generation moved while its query ran.
 */
export class SummaryCache<Summary> {
  private readonly entries = new Map<string, Summary>()
  private generation = 0

  constructor(
    private readonly enabled: boolean,
    private readonly maxEntries = 10_000,
  ) {}

  async read(id: string, load: () => Promise<Summary | undefined>): Promise<Summary | undefined> {
    if (!this.enabled) return load()
    const kept = this.entries.get(id)
    if (kept !== undefined) return kept
    const generation = this.generation
    const loaded = await load()
    if (loaded !== undefined && generation === this.generation) {
      this.entries.set(id, loaded)
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    }
    return loaded
  }

  forget(id: string): void {
    this.generation++
    this.entries.delete(id)
  }
}
