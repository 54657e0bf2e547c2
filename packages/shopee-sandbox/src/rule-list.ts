/** What every injected rule carries: an id to remove it by, how many more times it applies (null: always), and how often it did. */
export interface CountedRule {
  id: number
  remaining: number | null
  hits: number
}

/**
 * The injected rules of one kind (faults, update_stock refusals), in the order they were added.
 * A rule with a count applies that many times, then stays listed with its hits, so a test can
 * read what happened.
 */
export class RuleList<R extends CountedRule> {
  private rules: R[] = []
  private nextId = 0

  protected addRule(make: (id: number) => R): R {
    const rule = make(++this.nextId)
    this.rules.push(rule)
    return rule
  }

  list(): R[] {
    return this.rules
  }

  remove(id: number): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((r) => r.id !== id)
    return this.rules.length < before
  }

  clear(): void {
    this.rules = []
  }

  protected active(): R[] {
    return this.rules.filter((r) => r.remaining === null || r.remaining > 0)
  }

  protected hit(rule: R): true {
    rule.hits += 1
    if (rule.remaining !== null) rule.remaining -= 1
    return true
  }
}
