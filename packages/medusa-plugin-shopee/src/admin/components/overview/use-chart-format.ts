import { useMemo } from "react"
import { useTranslation } from "react-i18next"

/**
 * Slot labels in the admin's language. Hours are UTC hours shown in the reader's time zone;
 * days are UTC days, shown as dates (in UTC, so a day is never labelled as its neighbour).
 */
export function useChartFormat() {
  const { i18n } = useTranslation()
  const locale = i18n.language || undefined
  return useMemo(() => {
    const hour = new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" })
    const hourLong = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })
    const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" })
    const dayLong = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" })
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 })
    return {
      hour: (iso: string) => hour.format(new Date(iso)),
      hourLong: (iso: string) => hourLong.format(new Date(iso)),
      day: (isoDay: string) => day.format(new Date(`${isoDay}T00:00:00Z`)),
      dayLong: (isoDay: string) => dayLong.format(new Date(`${isoDay}T00:00:00Z`)),
      percent: (fraction: number) => percent.format(fraction),
    }
  }, [locale])
}
