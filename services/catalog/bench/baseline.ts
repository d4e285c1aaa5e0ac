import mysql from 'mysql2/promise'

// The same statements the service runs for the two reads, issued straight through mysql2 (no HTTP, no Drizzle, no cache).
const listSql = `select p.id, p.name, p.price, p.selling_price, p.discount_rate, p.status, p.category_id,
  p.thumbnail_image_url, p.brand_id, b.name, p.sales_count, p.view_count, p.like_count, p.average_rating,
  p.review_count, p.available from products p left join brands b on b.id = p.brand_id and b.deleted_at is null
  where p.status = 'ACTIVE' and p.category_id in (select c.id from categories c join categories root on root.id = ?
  where c.path like concat(root.path, '%')) order by p.created_at desc, p.id desc limit 20 offset 0`
const countSql = `select count(*) from products p where p.status = 'ACTIVE' and p.category_id in (select c.id from
  categories c join categories root on root.id = ? where c.path like concat(root.path, '%'))`
const detailSql = [
  `select p.id, p.name, p.description, p.price, p.selling_price, p.discount_rate, p.status, p.category_id,
   p.thumbnail_image_url, p.brand_id, b.name, p.average_rating, p.review_count, p.sales_count, p.view_count,
   p.like_count, p.available from products p left join brands b on b.id = p.brand_id and b.deleted_at is null
   where p.id = ? and p.status <> 'DELETED'`,
  'select id, name from product_option_groups where product_id = ? order by ordering, id',
  'select id, option_group_id, name, additional_price from product_options where product_id = ? order by ordering, id',
  `select id, sku_code, price, selling_price, option_values, available from product_skus
   where product_id = ? and status = 'ACTIVE' order by id`,
]

/** One list read and one detail read as the service issues them (in parallel, as its handlers do). */
export function baselineReads(url: string, poolSize: number) {
  const pool = mysql.createPool({ uri: url, connectionLimit: poolSize, timezone: 'Z' })
  return {
    list: (categoryId: number) =>
      Promise.all([pool.execute(listSql, [categoryId]), pool.execute(countSql, [categoryId])]),
    detail: (productId: number) => Promise.all(detailSql.map((sql) => pool.execute(sql, [productId]))),
    close: () => pool.end(),
  }
}
