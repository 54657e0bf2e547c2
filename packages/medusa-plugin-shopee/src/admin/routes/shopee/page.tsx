import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShoppingBag } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"

const ShopeePage = () => {
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Shopee</Heading>
      </div>
      <div className="px-6 py-4">
        <Text>The Shopee connection, orders, exceptions and events will be managed here.</Text>
      </div>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Shopee",
  icon: ShoppingBag,
})

export default ShopeePage
