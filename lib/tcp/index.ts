/** TCP models, one idea per file (docs/ARCHITECTURE.md "Layers"). */
export * from "./constants";
export type { DirectionalLoss, IdleRestart, PathOptions, StackName, TcpOptions } from "./options";
export * from "./stacks";
export * from "./tls-handshake";
export * from "./trace";
export * from "./segment";
export * from "./connection-id";
export * from "./handshake";
export * from "./transaction";
export * from "./slow-start";
export * from "./delayed-ack";
export { nagleHolds, type NagleInput, type NagleVariant } from "./nagle"; // not nagleWaits: the engine's unchecked form
export * from "./ports";
