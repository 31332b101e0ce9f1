// The dashboard page: submission, the live view of one group and the
// history. The URL /groups/{id} names the open group, and the page switches
// groups with the History API instead of reloading.

import { ApiError, describeError, request } from "./api.js";
import { setNotice } from "./jobcard.js";
import { History, summarize } from "./history.js";
import { JobList } from "./jobs.js";
import { LiveFeed } from "./live.js";
import { SubmitForms } from "./forms.js";

const GROUP_PATH = /^\/groups\/(\d+)$/;

const LIVE_STATE_TEXT = {
  connecting: "Connecting…",
  live: "Live",
  done: "",
};

class Dashboard {
  constructor(root) {
    this.root = root;
    this.feed = null;
    // openCount identifies the latest open request, so a late response for
    // another group is dropped.
    this.openCount = 0;
    this.meta = root.querySelector("#group-meta");
    this.message = root.querySelector("#group-message");
    this.liveState = root.querySelector("#live-state");
    this.jobs = new JobList(root.querySelector("#jobs"), document.querySelector("#job-template"),
      (jobId, card) => this.cancel(jobId, card));
    this.history = new History(root.querySelector("#history"), document.querySelector("#history-template"),
      root.querySelector("#history-older"), root.querySelector("#history-message"),
      (id) => this.open(id, true));
    new SubmitForms(root, (group) => this.created(group));
    window.addEventListener("popstate", () => this.route());
  }

  start() {
    const id = Number(this.root.dataset.groupId) || 0;
    window.history.replaceState({ groupId: id }, "");
    this.history.loadFirst();
    if (id > 0) {
      this.open(id, false);
    }
  }

  route() {
    const match = GROUP_PATH.exec(window.location.pathname);
    if (match) {
      this.open(Number(match[1]), false);
    } else {
      this.clear();
    }
  }

  async open(id, push) {
    const count = this.begin(id, push);
    this.showMessage("Loading…");
    try {
      const group = await request("GET", `/api/v1/groups/${id}`);
      if (count === this.openCount) {
        this.show(group);
      }
    } catch (err) {
      if (count !== this.openCount) {
        return;
      }
      const notFound = err instanceof ApiError && err.status === 404;
      this.showMessage(notFound ? `Group ${id} was not found.` : describeError(err));
    }
  }

  created(group) {
    this.begin(group.id, true);
    this.history.prepend(group);
    this.show(group);
  }

  // begin stops showing the current group and returns the new openCount.
  begin(id, push) {
    this.stopFeed();
    this.jobs.reset(null);
    this.meta.hidden = true;
    const path = `/groups/${id}`;
    if (push && window.location.pathname !== path) {
      window.history.pushState({ groupId: id }, "", path);
    }
    this.history.markActive(id);
    this.openCount += 1;
    return this.openCount;
  }

  clear() {
    this.begin(0, false);
    document.title = "Dashboard · Emma";
    this.showMessage("Submit a calculation or open one from the history.");
  }

  show(group) {
    this.jobs.reset(group);
    this.root.querySelector("#group").dataset.groupId = String(group.id);
    this.meta.textContent = `Group ${group.id} · ${summarize(group)} · ` +
      new Date(group.created_at).toLocaleString();
    this.meta.hidden = false;
    document.title = `Group ${group.id} · Emma`;
    this.showMessage("");
    if (this.jobs.live()) {
      this.startFeed(group.id);
    }
  }

  startFeed(id) {
    this.feed = new LiveFeed(id, {
      onMessage: (message) => this.receive(message),
      isLive: () => this.jobs.live(),
      onState: (state, detail) => this.showLiveState(state, detail),
    });
    this.feed.start();
  }

  stopFeed() {
    if (this.feed) {
      this.feed.stop();
      this.feed = null;
    }
    this.showLiveState("done");
  }

  receive(message) {
    if (message.type === "snapshot") {
      message.jobs.forEach((job) => this.jobs.apply(job));
    } else if (message.type === "job_update") {
      this.jobs.apply(message.job);
    }
  }

  async cancel(jobId, card) {
    const button = card.querySelector(".cancel");
    button.disabled = true;
    setNotice(card, "");
    try {
      this.jobs.apply(await request("POST", `/api/v1/jobs/${jobId}/cancel`, {}));
    } catch (err) {
      setNotice(card, describeError(err));
    } finally {
      button.disabled = false;
    }
  }

  showLiveState(state, detail) {
    let text = LIVE_STATE_TEXT[state] ?? "";
    if (state === "reconnecting") {
      text = `Connection lost; reconnecting in ${Math.ceil(detail / 1000)} s…`;
    } else if (state === "failed") {
      text = `Live updates stopped: ${detail}`;
    }
    this.liveState.dataset.state = state;
    this.liveState.textContent = text;
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = text === "";
  }
}

const root = document.getElementById("main");
if (root && root.classList.contains("dashboard")) {
  new Dashboard(root).start();
}
