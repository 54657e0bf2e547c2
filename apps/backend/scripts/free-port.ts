import net from "node:net"

/** A port nobody listens on right now, chosen by the kernel. */
export async function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Whether something already listens on `port`, so the start can name the port instead of crashing later. */
export async function isPortTaken(port: number, host = "0.0.0.0"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once("error", () => resolve(true))
    server.listen(port, host, () => server.close(() => resolve(false)))
  })
}
