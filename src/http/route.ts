import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Principal } from '../kernel/index.ts';
import type { Access } from './access.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A thin handler: validated input in, one command or query, the result out. */
export interface RouteDef<B extends TSchema = TSchema, Q extends TSchema = TSchema, P extends TSchema = TSchema> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Larger than the default 1 MiB, for uploads. */
  bodyLimit?: number;
  /** Status code → schema; the lowest 2xx is the success status. */
  response: Record<number, TSchema>;
  handler: (input: RouteInput<Static<B>, Static<Q>, Static<P>>) => Promise<unknown>;
}

/** Keeps the handler's input typed by its schemas while routes travel in plain arrays. */
export function defineRoute<B extends TSchema = TSchema, Q extends TSchema = TSchema, P extends TSchema = TSchema>(
  route: RouteDef<B, Q, P>,
): RouteDef {
  return route as unknown as RouteDef;
}
