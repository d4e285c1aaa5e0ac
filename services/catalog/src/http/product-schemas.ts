import { Id, NonEmptyText, SafeInteger, Text } from '@commerce/platform/http'
import { t } from 'elysia'
import { productStatuses } from '../domain/product-status'

const Money = SafeInteger({ minimum: 0, maximum: 1_000_000_000_000 })
const Ordering = t.Integer({ minimum: 0, maximum: 10_000 })
// Option names stay short: they become JSON keys of the SKU's option key (700 chars for up to 5 groups).
const OptionName = NonEmptyText(50)

export const NewOptionBody = t.Object({ name: OptionName, additionalPrice: Money, ordering: t.Optional(Ordering) })

// Array bounds above the business limits (5 / 20), so the limits answer with their own CATALOG code.
const OptionList = t.Array(NewOptionBody, { minItems: 1, maxItems: 100 })

export const NewProductBody = t.Object({
  name: NonEmptyText(200),
  description: t.Optional(Text(10_000)),
  price: Money,
  categoryId: t.Optional(Id()),
  brandId: t.Optional(Id()),
  thumbnailImageUrl: t.Optional(Text(500)),
  optionGroups: t.Optional(
    t.Array(t.Object({ name: OptionName, ordering: t.Optional(Ordering), options: OptionList }), { maxItems: 20 }),
  ),
})

const orNull = <T extends Parameters<typeof t.Optional>[0]>(schema: T) => t.Optional(t.Union([schema, t.Null()]))

export const ProductChangeBody = t.Object({
  name: t.Optional(NonEmptyText(200)),
  description: orNull(Text(10_000)),
  price: t.Optional(Money),
  categoryId: orNull(Id()),
  brandId: orNull(Id()),
  thumbnailImageUrl: orNull(Text(500)),
})

export const StatusBody = t.Object({ status: t.UnionEnum([...productStatuses]) })

export const AddOptionsBody = t.Object({ optionGroupId: Id(), options: OptionList })

export const OptionParams = t.Object({ id: Id(), optionId: Id() })

const OptionValuesView = t.Record(t.String(), t.String())

export const ProductView = t.Object({
  id: t.Integer(),
  productCode: t.String(),
  name: t.String(),
  description: t.Union([t.String(), t.Null()]),
  price: t.Integer(),
  sellingPrice: t.Integer(),
  discountRate: t.Integer(),
  status: t.String(),
  categoryId: t.Union([t.Integer(), t.Null()]),
  brandId: t.Union([t.Integer(), t.Null()]),
  thumbnailImageUrl: t.Union([t.String(), t.Null()]),
  optionGroups: t.Array(
    t.Object({
      id: t.Integer(),
      name: t.String(),
      ordering: t.Integer(),
      options: t.Array(
        t.Object({ id: t.Integer(), name: t.String(), additionalPrice: t.Integer(), ordering: t.Integer() }),
      ),
    }),
  ),
  skus: t.Array(
    t.Object({
      id: t.Integer(),
      skuCode: t.String(),
      price: t.Integer(),
      sellingPrice: t.Integer(),
      optionValues: OptionValuesView,
      status: t.String(),
    }),
  ),
})
