import type { Events, EventName, Method, ParsedArgs, Result } from '../../../shared/api/contract';
import type { Backend } from '../backend';

export interface HandlerContext {
  backend: Backend;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handler<M extends Method> = (ctx: HandlerContext, args: ParsedArgs<M>) => Result<M> | Promise<Result<M>>;

/** The whole table: one handler per contract method, nothing more, nothing less. */
export type HandlerTable = { [M in Method]: Handler<M> };

/** One area's part of the table. */
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };
