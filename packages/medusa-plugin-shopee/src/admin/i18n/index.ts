import en from "./json/en.json" with { type: "json" }
import th from "./json/th.json" with { type: "json" }
import vi from "./json/vi.json" with { type: "json" }
import { withParts, type TranslationTree } from "./merge-parts"
import instancesEn from "./parts/instances/en.json" with { type: "json" }
import instancesTh from "./parts/instances/th.json" with { type: "json" }
import instancesVi from "./parts/instances/vi.json" with { type: "json" }
import overviewChartsEn from "./parts/overview-charts/en.json" with { type: "json" }
import overviewChartsTh from "./parts/overview-charts/th.json" with { type: "json" }
import overviewChartsVi from "./parts/overview-charts/vi.json" with { type: "json" }
import setupGuideEn from "./parts/setup-guide/en.json" with { type: "json" }
import setupGuideTh from "./parts/setup-guide/th.json" with { type: "json" }
import setupGuideVi from "./parts/setup-guide/vi.json" with { type: "json" }
import reconcileEn from "./parts/reconcile/en.json" with { type: "json" }
import reconcileTh from "./parts/reconcile/th.json" with { type: "json" }
import reconcileVi from "./parts/reconcile/vi.json" with { type: "json" }

/**
 * The feature parts under `parts/<feature>/{en,vi,th}.json`, each file holding one top-level key
 * (`setupGuide`, `overviewCharts`, …) that ends up under `shopee.`: a part is added by importing
 * its three files here and appending one `{ en, vi, th }` entry to this list.
 */
const PARTS: Record<"en" | "vi" | "th", TranslationTree>[] = [
  { en: setupGuideEn, vi: setupGuideVi, th: setupGuideTh },
  { en: overviewChartsEn, vi: overviewChartsVi, th: overviewChartsTh },
  { en: instancesEn, vi: instancesVi, th: instancesTh },
  { en: reconcileEn, vi: reconcileVi, th: reconcileTh },
]

/**
 * The admin's translation extension point (Medusa ≥ 2.11.1): the dashboard merges these into its
 * own react-i18next resources under the default `translation` namespace, and the language the
 * operator picks in Settings › Profile applies to the Shopee pages too.
 */
export default {
  en: {
    translation: withParts(
      en,
      PARTS.map((part) => part.en)
    ),
  },
  vi: {
    translation: withParts(
      vi,
      PARTS.map((part) => part.vi)
    ),
  },
  th: {
    translation: withParts(
      th,
      PARTS.map((part) => part.th)
    ),
  },
}
