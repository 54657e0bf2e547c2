/**
 * Preloaded into the benchmark's Medusa server (`node --require`) when BENCH_CPU_PROFILE names a
 * folder: profiles the `medusa start` process (not npm or the start script around it) and writes
 * `medusa-<pid>.cpuprofile` there when it is told to stop (SIGTERM: written before Medusa's own
 * shutdown, which a busy server may not finish before it is killed) or exits, for Chrome
 * DevTools or speedscope. `--cpu-prof`
 * would do the same, but Node refuses it in NODE_OPTIONS, the only way into a process npm starts.
 */
const folder = process.env.BENCH_CPU_PROFILE
const isMedusaStart = /medusa$/.test(process.argv[1] || "") && process.argv[2] === "start"
if (folder && isMedusaStart) {
  const fs = require("node:fs")
  const path = require("node:path")
  const inspector = require("node:inspector")
  const session = new inspector.Session()
  session.connect()
  session.post("Profiler.enable")
  session.post("Profiler.start")
  let written = false
  // The in-process inspector answers synchronously, so the profile is written before the exit.
  const write = () => {
    if (written) return
    written = true
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(folder, `medusa-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  }
  process.prependListener("SIGTERM", write)
  process.on("exit", write)
}
