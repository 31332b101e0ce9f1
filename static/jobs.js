// The jobs of the open group: the latest known state of each job and its
// card in the page.

import { createCard, isLive, renderCard, setNotice, timeKey } from "./jobcard.js";

/** The cards of one group's jobs, ordered by position. */
export class JobList {
  /**
   * list is the <ol> that contains the cards, template the card template, and
   * onCancel(jobId, card) runs when a Cancel button is pressed.
   */
  constructor(list, template, onCancel) {
    this.list = list;
    this.template = template;
    this.group = null;
    this.jobs = new Map();
    this.cards = new Map();
    list.addEventListener("click", (event) => this.click(event, onCancel));
  }

  /** Removes every card and starts showing group, which may be null. */
  reset(group) {
    this.group = group;
    this.jobs.clear();
    this.cards.clear();
    this.list.replaceChildren();
    for (const job of group ? group.jobs : []) {
      this.apply(job);
    }
  }

  /**
   * Shows job unless the card already shows a newer state of it, judged by
   * updated_at. Returns whether the job was shown.
   */
  apply(job) {
    if (!this.group || job.group_id !== this.group.id) {
      return false;
    }
    const known = this.jobs.get(job.id);
    if (known && timeKey(job.updated_at) < timeKey(known.updated_at)) {
      return false;
    }
    this.jobs.set(job.id, job);
    renderCard(this.cardFor(job), job, this.group);
    return true;
  }

  /** Reports whether any job of the group can still change. */
  live() {
    for (const job of this.jobs.values()) {
      if (isLive(job)) {
        return true;
      }
    }
    return false;
  }

  cardFor(job) {
    let card = this.cards.get(job.id);
    if (card) {
      return card;
    }
    card = createCard(this.template);
    card.dataset.position = String(job.position);
    this.cards.set(job.id, card);
    const next = [...this.list.children].find((c) => Number(c.dataset.position) > job.position);
    this.list.insertBefore(card, next || null);
    return card;
  }

  click(event, onCancel) {
    const card = event.target.closest(".job");
    if (!card) {
      return;
    }
    if (event.target.closest(".cancel")) {
      onCancel(Number(card.dataset.jobId), card);
    } else if (event.target.closest(".copy")) {
      copyResult(card);
    }
  }
}

async function copyResult(card) {
  const button = card.querySelector(".copy");
  try {
    await copyText(card.querySelector(".result").textContent);
    button.textContent = "Copied";
    setNotice(card, "");
  } catch {
    button.textContent = "Copy";
    setNotice(card, "Copying failed; select the result and copy it by hand.");
    return;
  }
  setTimeout(() => { button.textContent = "Copy"; }, 2000);
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Pages served over plain http from another host have no Clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) {
    throw new Error("copy command failed");
  }
}
