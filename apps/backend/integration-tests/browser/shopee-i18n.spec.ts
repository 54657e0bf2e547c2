import type { Browser, BrowserContext, Page } from "playwright-core"
import { startAdminServer, type AdminServer } from "../../scripts/admin-server"
import { launchChromium, logInThroughLoginPage, screenshot, type SessionState } from "./harness/browser"
import { resetShopeeState } from "./harness/shopee-state"
import { ShopeeRows } from "./harness/shopee-rows"

/**
 * The Shopee pages follow the language the operator picks in Settings › Profile, as Medusa's
 * own pages do: the admin's i18next stores the choice (cookie and localStorage `lng`) and the
 * plugin's translations, merged into the admin's, answer it. No page may show a raw key.
 */
let server: AdminServer | undefined
let browser: Browser | undefined
let session: SessionState
let rows: ShopeeRows
let lastSyncedAt: Date

/** A key the translations do not have shows as itself: `shopee.orders.title`. */
const RAW_KEY = /shopee\.[a-zA-Z]+\./

type Expected = {
  /** The language's name in the Profile's language select. */
  languageName: string
  nav: string[]
  /** Texts each page shows once loaded, by path under /app. */
  pages: Record<string, string[]>
  /** The order row's total (42.5 SGD) as the language writes it. */
  total: string
}

const LANGUAGES: Record<"vi" | "th", Expected> = {
  vi: {
    languageName: "Tiếng Việt",
    nav: ["Tổng quan", "Đơn hàng", "Sản phẩm", "Tồn kho", "Ngoại lệ", "Sự kiện", "Kết nối"],
    pages: {
      "/shopee": ["Môi trường đang hoạt động:", "Hồ sơ Sandbox", "Thông tin xác thực", "Access token"],
      "/shopee/overview": ["Tổng quan Shopee", "Cần xử lý", "Tất cả đơn hàng", "Chờ lấy hàng", "Ngoại lệ đang mở"],
      "/shopee/orders": ["Đơn hàng Shopee", "Mã đơn hàng", "Chờ giao", "Tổng tiền"],
      "/shopee/events": ["Sự kiện Shopee", "Cập nhật trạng thái đơn hàng", "Xử lý lại", "Chi tiết"],
      "/shopee/exceptions": ["Ngoại lệ Shopee", "Đang mở", "Giải quyết", "Số lần thử"],
      "/shopee/products": ["Sản phẩm Shopee", "Nhập thay đổi", "Nhập lại toàn bộ"],
      "/shopee/stock": ["Tồn kho Shopee", "Trình ghi tồn kho", "Kế hoạch gần nhất", "Chạy thử"],
    },
    total: "42,50\u00a0SGD",
  },
  th: {
    languageName: "ไทย",
    nav: ["ภาพรวม", "คำสั่งซื้อ", "สินค้า", "สต็อก", "ข้อผิดพลาด", "เหตุการณ์", "การเชื่อมต่อ"],
    pages: {
      "/shopee": ["สภาพแวดล้อมที่ใช้งานอยู่:", "โปรไฟล์แซนด์บ็อกซ์", "ข้อมูลรับรอง", "Access token"],
      "/shopee/overview": ["ภาพรวม Shopee", "ต้องดำเนินการ", "คำสั่งซื้อทั้งหมด", "ที่ต้องจัดส่ง", "ข้อผิดพลาดที่เปิดอยู่"],
      "/shopee/orders": ["คำสั่งซื้อ Shopee", "หมายเลขคำสั่งซื้อ", "ที่ต้องจัดส่ง", "ยอดรวม"],
      "/shopee/events": ["เหตุการณ์ Shopee", "อัปเดตสถานะคำสั่งซื้อ", "ประมวลผลซ้ำ", "รายละเอียด"],
      "/shopee/exceptions": ["ข้อผิดพลาด Shopee", "เปิดอยู่", "แก้ไขแล้ว", "จำนวนครั้งที่ลอง"],
      "/shopee/products": ["สินค้า Shopee", "นำเข้าการเปลี่ยนแปลง", "นำเข้าใหม่ทั้งหมด"],
      "/shopee/stock": ["สต็อก Shopee", "ตัวเขียนสต็อก", "แผนล่าสุด", "ทดลองรัน"],
    },
    total: "SGD\u00a042.50",
  },
}

beforeAll(
  async () => {
    server = await startAdminServer()
    rows = await ShopeeRows.connect(server.databaseUrl)
    browser = await launchChromium()
    session = await logInThroughLoginPage(browser, server)
  },
  5 * 60 * 1000
)

afterAll(async () => {
  await rows?.close()
  await browser?.close()
  await server?.stop()
}, 60 * 1000)

beforeEach(async () => {
  await resetShopeeState(server!.api)
  await rows.clear()
  const order = await rows.orderSync({ environment: "sandbox", order_sn: "I18N001RTS" })
  lastSyncedAt = order.last_synced_at
  await rows.exception({ environment: "sandbox", kind: "unknown_sku", message: "No product with SKU X", payload_ref: "I18N001RTS" })
  await rows.rawEvent({ environment: "sandbox", code: 3, body: { code: 3 }, status: "pending", processed: false })
}, 30 * 1000)

/** Picks the language in Settings › Profile › Edit as an operator does, and saves. */
async function chooseLanguage(page: Page, languageName: string) {
  await page.goto(`${server!.url}/app/settings/profile/edit`)
  // The drawer's only select is the language (its label is not tied to it for assistive technology).
  await page.getByRole("dialog").getByRole("combobox").click()
  await page.getByRole("option", { name: languageName, exact: true }).click()
  await page.getByRole("button", { name: "Save" }).click()
  await page.getByRole("dialog").waitFor({ state: "detached" })
}

/** The page's visible text once `texts` are all there; it must hold no raw key. */
async function expectTranslated(page: Page, texts: string[]) {
  for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor()
  const shown = await page.locator("body").innerText()
  expect(shown.match(RAW_KEY)?.[0] ?? null).toBeNull()
}

async function inLanguage(code: "vi" | "th", body: (context: BrowserContext, page: Page) => Promise<void>) {
  const context = await browser!.newContext({ storageState: session, viewport: { width: 1440, height: 1000 } })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  try {
    await chooseLanguage(page, LANGUAGES[code].languageName)
    await body(context, page)
  } catch (error) {
    await screenshot(page, `FAILED-i18n-${code}`).catch(() => undefined)
    throw error
  } finally {
    await context.close()
  }
}

describe.each(["vi", "th"] as const)("the Shopee pages in %s", (code) => {
  const expected = LANGUAGES[code]

  it(
    "show every page translated, with no raw key, money and dates as the language writes them",
    async () => {
      await inLanguage(code, async (context, page) => {
        // The admin keeps the choice where its i18next detector reads it first.
        const cookies = await context.cookies(server!.url)
        expect(cookies.find((cookie) => cookie.name === "lng")?.value).toBe(code)

        for (const [path, texts] of Object.entries(expected.pages)) {
          await page.goto(`${server!.url}/app${path}`)
          const nav = page.getByTestId("shopee-nav")
          for (const label of expected.nav) await nav.getByRole("link", { name: label, exact: true }).waitFor()
          await expectTranslated(page, texts)
          await screenshot(page, `i18n-${code}${path.replace(/\//g, "-")}`)
        }

        await page.goto(`${server!.url}/app/shopee/orders`)
        const row = page.getByTestId("order-row-I18N001RTS")
        await row.getByText(expected.total, { exact: true }).waitFor()
        const date = await page.evaluate(([iso, locale]) => new Date(iso).toLocaleString(locale), [lastSyncedAt.toISOString(), code])
        await row.getByText(date, { exact: true }).waitFor()
      })
    },
    3 * 60 * 1000
  )
})
