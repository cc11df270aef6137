/**
 * The HTTP side of connection management (the book's 4.3-4.7): header
 * parsing, persistence rules and the message-level models. Page-load
 * strategies on the TCP engine live in their own files.
 */

export * from "./list-syntax";
export * from "./header-fields";
export * from "./connection-header";
export * from "./hop-by-hop";
export * from "./keep-alive-header";
export * from "./message-length";
export * from "./persistence";
export * from "./keep-alive";
export * from "./proxy-chain";
export * from "./idempotency";
export * from "./pipeline-retry";
export * from "./close";
export * from "./connection-setup";
export * from "./page-load";
export * from "./transport-comparison";
