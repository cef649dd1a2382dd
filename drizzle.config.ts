import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every feature's schema.ts and committed as SQL under drizzle/.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/schema.ts',
  out: './drizzle',
});
