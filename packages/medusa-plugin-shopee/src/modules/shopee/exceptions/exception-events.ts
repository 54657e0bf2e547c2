/**
 * Emitted once when an exception opens (not when an open one is counted again), with the
 * exception itself (`OpenedException`) as its data: the admin notification listens to it.
 */
export const EXCEPTION_OPENED_EVENT = "shopee.exception.opened"
