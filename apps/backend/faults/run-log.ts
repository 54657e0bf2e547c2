import fs from "node:fs"
import path from "node:path"

/**
 * Everything the run's processes printed (Medusa server and worker, migrations, seed, PostgreSQL),
 * kept in memory for the secret scan and written to one file per source for a person reading a
 * failure. Nothing is filtered: the scan must see what an operator's log collector would see.
 */
export class RunLog {
  private readonly chunks: string[] = []
  private readonly files = new Map<string, fs.WriteStream>()

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true })
  }

  /** Appends `text` from `source` (e.g. `main-server`) to the run's log and to `<dir>/<source>.log`. */
  write(source: string, text: string): void {
    this.chunks.push(text)
    let file = this.files.get(source)
    if (!file) {
      file = fs.createWriteStream(path.join(this.dir, `${source}.log`), { flags: "a" })
      this.files.set(source, file)
    }
    file.write(text)
  }

  /** A line-by-line writer for one source, for callers that hand over lines rather than chunks. */
  lines(source: string): (line: string) => void {
    return (line) => this.write(source, `${line}\n`)
  }

  text(): string {
    return this.chunks.join("")
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => new Promise<void>((resolve) => file.end(resolve))))
    this.files.clear()
  }
}
