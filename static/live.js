// The WebSocket feed of one group. Each connection needs a fresh ticket,
// because a ticket is valid for 30 seconds.

import { ApiError, request } from "./api.js";

const MIN_RETRY_MS = 500;
const MAX_RETRY_MS = 15000;

/**
 * A connection to the live updates of one group that reconnects with
 * exponential backoff while isLive() reports unfinished jobs.
 *
 * handlers.onMessage(message) receives snapshot and job_update messages,
 * handlers.isLive() reports whether updates are still expected, and
 * handlers.onState(state, detail) hears "connecting", "live",
 * "reconnecting" (detail: delay in ms), "done" and "failed" (detail: message).
 */
export class LiveFeed {
  constructor(groupId, handlers) {
    this.groupId = groupId;
    this.handlers = handlers;
    this.socket = null;
    this.timer = 0;
    this.attempt = 0;
    this.stopped = false;
  }

  /** Opens the first connection. */
  start() {
    this.connect();
  }

  /** Closes the connection and cancels any pending reconnect. */
  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.close(1000);
    }
  }

  async connect() {
    if (this.stopped) {
      return;
    }
    this.handlers.onState("connecting");
    let ticket;
    try {
      ({ ticket } = await request("POST", `/api/v1/groups/${this.groupId}/ticket`, {}));
    } catch (err) {
      this.ticketFailed(err);
      return;
    }
    if (this.stopped) {
      return;
    }
    const url = new URL("/api/v1/ws", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("ticket", ticket);
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("message", (event) => this.receive(socket, event));
    socket.addEventListener("close", () => this.closed(socket));
  }

  ticketFailed(err) {
    if (this.stopped) {
      return;
    }
    // Client errors such as a deleted group do not heal by retrying.
    const permanent = err instanceof ApiError && err.status < 500 && err.status !== 429;
    if (permanent) {
      this.stopped = true;
      this.handlers.onState("failed", err.message);
      return;
    }
    this.retry();
  }

  receive(socket, event) {
    if (socket !== this.socket) {
      return;
    }
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message.group_id !== this.groupId) {
      return;
    }
    if (message.type === "snapshot") {
      this.attempt = 0;
      this.handlers.onState("live");
    }
    this.handlers.onMessage(message);
    if (!this.handlers.isLive()) {
      this.stop();
      this.handlers.onState("done");
    }
  }

  closed(socket) {
    if (socket !== this.socket || this.stopped) {
      return;
    }
    this.socket = null;
    if (!this.handlers.isLive()) {
      this.stopped = true;
      this.handlers.onState("done");
      return;
    }
    this.retry();
  }

  retry() {
    const backoff = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** this.attempt);
    // Jitter spreads the reconnects of many pages after a server restart.
    const delay = Math.round(backoff * (0.5 + Math.random() / 2));
    this.attempt += 1;
    this.handlers.onState("reconnecting", delay);
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
