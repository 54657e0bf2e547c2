import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { discoverRoutes, exportedMethods, routePathOf } from "./admin-routes"

const PLUGIN_API = path.resolve(__dirname, "../../../../packages/medusa-plugin-shopee/src/api")

describe("exportedMethods", () => {
  it("reads async, plain, const and re-exported handlers, and nothing else", () => {
    const source = [
      "export async function GET(req, res) {}",
      "export function PATCH(req, res) {}",
      "export const DELETE = async () => {}",
      "const handler = () => {}",
      "export { handler as PUT, other }",
      "export async function POSTPONED() {}",
      "export const AUTHENTICATE = false",
      "// export async function POST",
    ].join("\n")
    expect(exportedMethods(source)).toEqual(["GET", "PUT", "PATCH", "DELETE"])
  })
})

describe("routePathOf", () => {
  it("turns folders into the URL path and [param] segments into a sample value", () => {
    expect(routePathOf("admin/shopee/events/[id]/replay/route.ts")).toBe("/admin/shopee/events/probe_id_01/replay")
    expect(routePathOf("admin/shopee/orders/by-order/[order_id]/route.ts")).toBe("/admin/shopee/orders/by-order/probe_order_id_01")
  })

  it("refuses a file that is not a route", () => {
    expect(() => routePathOf("admin/shopee/no-nul.ts")).toThrow("not a route file")
  })
})

describe("discoverRoutes", () => {
  it("walks the folder and refuses a route file it cannot read a method from", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "route-walk-"))
    try {
      fs.mkdirSync(path.join(dir, "admin/things/[id]"), { recursive: true })
      fs.writeFileSync(path.join(dir, "admin/things/route.ts"), "export async function GET() {}\nexport async function POST() {}")
      fs.writeFileSync(path.join(dir, "admin/things/[id]/route.ts"), "export async function DELETE() {}")
      fs.writeFileSync(path.join(dir, "admin/things/helper.ts"), "export async function GET() {}")
      expect(discoverRoutes(dir, "admin")).toEqual([
        { file: path.join("admin/things/route.ts"), path: "/admin/things", methods: ["GET", "POST"] },
        { file: path.join("admin/things/[id]/route.ts"), path: "/admin/things/probe_id_01", methods: ["DELETE"] },
      ])
      fs.writeFileSync(path.join(dir, "admin/things/[id]/route.ts"), "export default async function handler() {}")
      expect(() => discoverRoutes(dir, "admin")).toThrow("exports no route handler")
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("finds the plugin's admin routes, mutating methods included", () => {
    const routes = discoverRoutes(PLUGIN_API, "admin")
    const methodsOf = (route: string) => routes.find((candidate) => candidate.path === route)?.methods
    expect(methodsOf("/admin/shopee/profiles/probe_id_01")).toEqual(["GET", "PATCH", "DELETE"])
    expect(methodsOf("/admin/shopee/credentials")).toEqual(["GET", "PATCH"])
    expect(methodsOf("/admin/dashboard/summary")).toEqual(["GET"])
  })
})
