import { useTranslation } from "react-i18next"
import { formatDate } from "./format-date"
import { formatAmount, formatBytes, formatNumber } from "./format-number"

/** The formatters bound to the admin's language, so that dates and money follow the operator's choice. */
export function useLocaleFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language
  return {
    locale,
    date: (value: string | null | undefined) => formatDate(value, locale),
    amount: (amount: number | null | undefined, currency: string | null | undefined) => formatAmount(amount, currency, locale),
    number: (value: number) => formatNumber(value, locale),
    bytes: (bytes: number) => formatBytes(bytes, locale),
  }
}
