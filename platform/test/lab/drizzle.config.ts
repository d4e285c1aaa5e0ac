import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'mysql',
  schema: './test/lab/schema.ts',
  out: './test/lab/migrations',
})
