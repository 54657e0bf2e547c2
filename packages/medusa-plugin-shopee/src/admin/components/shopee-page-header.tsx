import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ShopeeNav } from "./shopee-nav"

/** The top of every Shopee page: its navigation, title and what it shows. */
export const ShopeePageHeader = ({ title, description, children }: { title: string; description: string; children?: ReactNode }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-3">
      <ShopeeNav />
    </div>
    <div className="flex flex-col gap-y-1 px-6 py-4">
      <Heading level="h1">{title}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    </div>
    {children}
  </Container>
)
