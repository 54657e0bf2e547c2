import { spawn, spawnSync } from "node:child_process"
import net from "node:net"
import { findFreePort } from "../scripts/free-port"
import { killOnExit } from "../scripts/stop-child"

export type FaultRedis = { url: string; origin: string; stop(): Promise<void> }

/**
 * The Redis of the suite's Redis pass. A private `redis-server` on a free loopback port when the
 * binary is installed: Medusa's Redis event bus and workflow engine use fixed queue names, so two
 * runs on one Redis would take each other's jobs. Otherwise the one on 127.0.0.1:6379 when it
 * answers PING; otherwise none (the pass then fails, saying so).
 */
export async function startFaultRedis(log: (line: string) => void): Promise<FaultRedis | undefined> {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0) {
    const port = await findFreePort()
    const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    })
    killOnExit(child)
    child.stdout.on("data", (chunk: Buffer) => log(chunk.toString("utf8").trimEnd()))
    child.stderr.on("data", (chunk: Buffer) => log(chunk.toString("utf8").trimEnd()))
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
      await exited
    }
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await answersPing(port)) return { url: `redis://127.0.0.1:${port}`, origin: "private redis-server", stop }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await stop()
    throw new Error(`redis-server on port ${port} did not answer PING within 5 s`)
  }
  if (await answersPing(6379)) return { url: "redis://127.0.0.1:6379", origin: "the Redis on 127.0.0.1:6379", stop: async () => undefined }
  return undefined
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")))
  })
}
