// Moved to lib/base/serial-queue.ts (one queue for the whole code base); kept for old imports.
export { createSerialQueue, type SerialQueue } from '../../base/serial-queue.ts';
