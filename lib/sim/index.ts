/** The simulator's public API: engine.ts is the place to start reading. */
export * from "./scheduler";
export * from "./link";
export { LossProcess, DEFAULT_LOSS_SEED } from "./loss";
export * from "./tcp-endpoint";
export * from "./tcp-connection";
export * from "./engine";
export * from "./nagle-delayed-ack";
