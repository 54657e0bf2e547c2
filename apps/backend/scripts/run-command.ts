import { spawn } from "node:child_process"

export class CommandFailedError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly output: string
  ) {
    super(`${command} exited with ${exitCode}`)
  }
}

/**
 * Runs a command to completion. Its output is kept and shown only when it fails, so that a
 * normal start prints a few lines of progress instead of every build log.
 */
export function run(command: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; inherit?: boolean }): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    child.stderr?.on("data", (chunk) => (output += chunk))
    child.on("error", reject)
    child.on("close", (code) => {
      if (code === 0) resolve(output)
      else reject(new CommandFailedError(command.join(" "), code, output))
    })
  })
}
