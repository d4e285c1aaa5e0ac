import { Id, PageQuery, SafeInteger, Text } from '@commerce/platform/http'
import { t } from 'elysia'
import { listSorts } from '../domain/list-query'

const Money = SafeInteger({ minimum: 0 })
const Nullable = <T extends Parameters<typeof t.Union>[0][number]>(schema: T) => t.Union([schema, t.Null()])

/** `GET /api/products` query; `attr.{id}=value` keys are read from the URL by `parseAttributeFilters`. */
export const ListQuerySchema = t.Object(
  {
    ...PageQuery.properties,
    sort: t.UnionEnum(listSorts, {
      default: 'LATEST',
      description: 'RATING_DESC and REVIEW_COUNT_DESC are deferred with reviews: 400',
    }),
    categoryId: t.Optional(Id({ description: 'this category and all its descendants' })),
    brandId: t.Optional(Id()),
    keyword: t.Optional(Text(100, { description: 'case-insensitive, in name or description' })),
    minPrice: t.Optional(Money),
    maxPrice: t.Optional(Money),
  },
  { additionalProperties: true },
)

/** One product of the list. */
export const ProductListItemSchema = t.Object({
  id: t.Integer(),
  name: t.String(),
  originalPrice: t.Integer(),
  sellingPrice: t.Integer(),
  discountRate: t.Integer(),
  status: t.String(),
  categoryId: Nullable(t.Integer()),
  thumbnailImageUrl: Nullable(t.String()),
  brandId: Nullable(t.Integer()),
  brandName: Nullable(t.String()),
  salesCount: t.Integer(),
  viewCount: t.Integer(),
  likeCount: t.Integer(),
  averageRating: t.Number(),
  reviewCount: t.Integer(),
  available: t.Boolean(),
})

const OptionValuesSchema = t.Record(t.String(), t.String())

/** A product's detail: the list fields, description, option groups and ACTIVE SKUs with their availability. */
export const ProductDetailSchema = t.Composite([
  ProductListItemSchema,
  t.Object({
    description: Nullable(t.String()),
    optionGroups: t.Array(
      t.Object({
        id: t.Integer(),
        name: t.String(),
        options: t.Array(t.Object({ id: t.Integer(), name: t.String(), additionalPrice: t.Integer() })),
      }),
    ),
    skus: t.Array(
      t.Object({
        id: t.Integer(),
        skuCode: t.String(),
        price: t.Integer(),
        sellingPrice: t.Integer(),
        optionValues: OptionValuesSchema,
        available: t.Boolean(),
      }),
    ),
  }),
])

/** The SKU a set of options selects. */
export const SkuLookupSchema = t.Object({
  skuId: t.Integer(),
  productId: t.Integer(),
  price: t.Integer(),
  sellingPrice: t.Integer(),
  optionValues: OptionValuesSchema,
  available: t.Boolean(),
})
