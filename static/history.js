// The list of the user's groups, newest first, paged with next_cursor.

import { describeError, request } from "./api.js";

const PAGE_SIZE = 10;

/** Summarises a group in one line, such as "a = 5, b = 10". */
export function summarize(group) {
  if (group.kind === "pair") {
    return `a = ${group.a}, b = ${group.b}`;
  }
  const exprs = group.jobs.map((job) => job.expression || "");
  const more = exprs.length > 1 ? ` (+${exprs.length - 1} more)` : "";
  return `${exprs[0] || "expressions"}${more}`;
}

/** The history panel. onOpen(groupId) runs when a group is picked. */
export class History {
  constructor(list, template, olderButton, message, onOpen) {
    this.list = list;
    this.template = template;
    this.older = olderButton;
    this.message = message;
    this.cursor = null;
    this.activeId = 0;
    this.older.addEventListener("click", () => this.loadPage());
    list.addEventListener("click", (event) => this.click(event, onOpen));
  }

  /** Loads the newest page, replacing what the list shows. */
  async loadFirst() {
    this.cursor = null;
    this.list.replaceChildren();
    await this.loadPage();
  }

  /** Loads the page after the last one shown. */
  async loadPage() {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (this.cursor) {
      query.set("cursor", this.cursor);
    }
    this.older.disabled = true;
    try {
      const page = await request("GET", `/api/v1/groups?${query}`);
      for (const group of page.groups) {
        // A group submitted while this page loaded is in the list already.
        if (!this.has(group.id)) {
          this.list.append(this.item(group));
        }
      }
      this.cursor = page.next_cursor;
      this.showMessage(this.list.children.length === 0 ? "No calculations yet." : "");
    } catch (err) {
      this.showMessage(describeError(err));
    } finally {
      this.older.disabled = false;
      this.older.hidden = !this.cursor;
    }
  }

  /** Puts a newly created group at the top. */
  prepend(group) {
    if (!this.has(group.id)) {
      this.list.prepend(this.item(group));
    }
    this.showMessage("");
  }

  /** Marks the group with id as the one shown, or none for 0. */
  markActive(id) {
    this.activeId = id;
    for (const link of this.list.querySelectorAll(".history-link")) {
      if (Number(link.dataset.groupId) === id) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    }
  }

  has(id) {
    return this.list.querySelector(`.history-link[data-group-id="${id}"]`) !== null;
  }

  item(group) {
    const item = this.template.content.firstElementChild.cloneNode(true);
    const link = item.querySelector(".history-link");
    link.href = `/groups/${group.id}`;
    link.dataset.groupId = String(group.id);
    if (group.id === this.activeId) {
      link.setAttribute("aria-current", "page");
    }
    item.querySelector(".history-summary").textContent = summarize(group);
    const time = item.querySelector(".history-time");
    time.dateTime = group.created_at;
    time.textContent = new Date(group.created_at).toLocaleString();
    return item;
  }

  click(event, onOpen) {
    const link = event.target.closest(".history-link");
    const modified = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (!link || modified) {
      return;
    }
    event.preventDefault();
    onOpen(Number(link.dataset.groupId));
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = text === "";
  }
}
