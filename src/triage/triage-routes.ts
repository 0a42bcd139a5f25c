import type { Migration } from '../platform/db/index.ts';
import type { RouteDef } from '../http/index.ts';
import type { CommandContext } from '../platform/outbox/index.ts';
import { categoryRoutes } from './learning/category-routes.ts';
import { learningRoutes } from './learning/learning-routes.ts';
import { learningMigrations } from './learning/migrations.ts';
import { readingMigrations } from './readings/migrations.ts';
import { readingRoutes } from './readings/reading-routes.ts';

export function triageRoutes(ctx: CommandContext): RouteDef[] {
  return [...readingRoutes(ctx), ...categoryRoutes(ctx), ...learningRoutes(ctx)];
}

export const triageMigrations: Migration[] = [...readingMigrations, ...learningMigrations];
