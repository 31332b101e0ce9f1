// Rendering of one job as a card. Every text that comes from the user, the
// calculator or a model goes in with textContent, never as HTML.

const FINAL_STATUSES = new Set(["completed", "failed", "cancelled"]);

const OPERATION_SYMBOLS = { add: "+", subtract: "−", multiply: "×", divide: "÷" };

/** Reports whether a job has reached completed, failed or cancelled. */
export function isFinal(job) {
  return FINAL_STATUSES.has(job.status);
}

/**
 * Reports whether a job can still change: it is unfinished, or it has
 * completed and its insight is still being written.
 */
export function isLive(job) {
  return !isFinal(job) || (job.insight && job.insight.status === "pending");
}

/**
 * Converts an RFC 3339 timestamp to microseconds since the epoch. Date.parse
 * keeps only milliseconds, and two updates of one job can fall within one
 * millisecond, so the microsecond digits are added separately.
 */
export function timeKey(value) {
  const fraction = /\.(\d+)/.exec(value);
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, "$1"));
  const micros = fraction ? Number((fraction[1] + "000000").slice(3, 6)) : 0;
  return ms * 1000 + micros;
}

/** Creates an empty card from the page's job template. */
export function createCard(template) {
  return template.content.firstElementChild.cloneNode(true);
}

/** Fills card with the state of job, a job of group. */
export function renderCard(card, job, group) {
  card.dataset.jobId = String(job.id);
  card.dataset.status = job.status;
  card.dataset.operation = job.operation;
  part(card, ".job-formula").textContent = formula(job, group);
  part(card, ".badge").textContent = job.status;
  renderProgress(card, job);
  renderResult(card, job);
  renderError(card, job);
  part(card, ".cancel").hidden = isFinal(job);
  renderInsight(card, job.insight);
}

/** Shows a message about an action on the card, or hides it for "". */
export function setNotice(card, message) {
  const notice = part(card, ".job-notice");
  notice.textContent = message;
  notice.hidden = message === "";
}

function formula(job, group) {
  if (job.operation === "expression") {
    return job.expression || "";
  }
  const symbol = OPERATION_SYMBOLS[job.operation] || job.operation;
  if (!group || group.a == null || group.b == null) {
    return job.operation;
  }
  return `${group.a} ${symbol} ${group.b}`;
}

function renderProgress(card, job) {
  const box = part(card, ".job-progress");
  box.hidden = job.status !== "running";
  const bar = part(card, ".progress-bar");
  const text = part(card, ".progress-text");
  if (!job.progress) {
    bar.removeAttribute("value");
    text.textContent = "Running";
    return;
  }
  const percent = Math.max(0, Math.min(100, job.progress.percent));
  bar.value = percent;
  const phase = job.progress.phase ? `${job.progress.phase} · ` : "";
  text.textContent = `${phase}${Math.round(percent)}%`;
}

function renderResult(card, job) {
  const block = part(card, ".result-block");
  block.hidden = job.result == null;
  if (job.result == null) {
    return;
  }
  part(card, ".result").textContent = job.result;
  part(card, ".approx-mark").hidden = !job.approximate;
  const note = part(card, ".result-note");
  note.hidden = !job.result_truncated;
  note.textContent = job.result_truncated ? "Shortened; open the group to see the whole result." : "";
  const fraction = job.exact != null && job.exact.includes("/");
  part(card, ".exact").hidden = !fraction;
  part(card, ".exact-value").textContent = fraction ? job.exact : "";
}

function renderError(card, job) {
  const box = part(card, ".job-error");
  box.hidden = !job.error;
  part(card, ".error-code").textContent = job.error ? job.error.code : "";
  part(card, ".error-message").textContent = job.error ? job.error.message : "";
}

function renderInsight(card, insight) {
  const box = part(card, ".insight");
  const status = insight ? insight.status : "none";
  box.hidden = status === "none";
  box.dataset.insightStatus = status;
  const text = part(card, ".insight-text");
  const source = part(card, ".insight-source");
  const note = part(card, ".insight-note");
  text.textContent = insightText(insight);
  source.textContent = status === "completed" ? sourceLabel(insight.source) : "";
  source.hidden = source.textContent === "";
  note.textContent = insight && insight.note ? insight.note : "";
  note.hidden = note.textContent === "";
}

function insightText(insight) {
  switch (insight && insight.status) {
    case "pending":
      return "Writing an insight…";
    case "completed":
      return insight.text || "";
    case "failed":
      return "No insight is available for this result.";
    default:
      return "";
  }
}

function sourceLabel(source) {
  if (!source || source === "facts") {
    return "from computed facts";
  }
  return `written by ${source}`;
}

function part(card, selector) {
  return card.querySelector(selector);
}
