/** TCP models, one idea per file (docs/ARCHITECTURE.md "Layers"). */
export * from "./constants";
export * from "./segment";
export * from "./connection-id";
export * from "./handshake";
export * from "./transaction";
export * from "./slow-start";
export * from "./delayed-ack";
export * from "./nagle";
export * from "./nagle-delayed-ack";
export * from "./ports";
