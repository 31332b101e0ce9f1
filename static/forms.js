// The submission forms: a pair of numbers or a list of expressions, sent
// with fetch as JSON so the page never reloads.

import { ApiError, describeError, request } from "./api.js";

const EXPRESSION_FIELD = /^expressions\[(\d+)\]$/;

/** The two submission forms and their tabs. onCreated(group) gets each new group. */
export class SubmitForms {
  constructor(root, onCreated) {
    this.root = root;
    this.onCreated = onCreated;
    this.tabs = [...root.querySelectorAll('[role="tab"]')];
    for (const tab of this.tabs) {
      tab.addEventListener("click", () => this.select(tab));
      tab.addEventListener("keydown", (event) => this.moveFocus(event));
    }
    this.pair = root.querySelector("#form-pair");
    this.expressions = root.querySelector("#form-expressions");
    this.pair.addEventListener("submit", (event) => this.submitPair(event));
    this.expressions.addEventListener("submit", (event) => this.submitExpressions(event));
  }

  select(tab) {
    for (const other of this.tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      this.root.querySelector(`#${other.getAttribute("aria-controls")}`).hidden = !selected;
    }
  }

  moveFocus(event) {
    const index = this.tabs.indexOf(event.currentTarget);
    const last = this.tabs.length - 1;
    const target = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: last }[event.key];
    if (target === undefined) {
      return;
    }
    event.preventDefault();
    const tab = this.tabs[(target + this.tabs.length) % this.tabs.length];
    this.select(tab);
    tab.focus();
  }

  submitPair(event) {
    event.preventDefault();
    const a = this.pair.elements.a.value.trim();
    const b = this.pair.elements.b.value.trim();
    this.send(this.pair, { a, b }, () => "");
  }

  submitExpressions(event) {
    event.preventDefault();
    const lines = this.expressions.elements.expressions.value.split(/\r?\n/);
    const sent = [];
    const lineNumbers = [];
    lines.forEach((line, i) => {
      if (line.trim() !== "") {
        sent.push(line.trim());
        lineNumbers.push(i + 1);
      }
    });
    // Errors name an index of the sent list, but the user sees line numbers.
    const linePrefix = (field) => {
      const match = EXPRESSION_FIELD.exec(field);
      return match ? `Line ${lineNumbers[Number(match[1])] ?? Number(match[1]) + 1}` : "";
    };
    this.send(this.expressions, { expressions: sent }, linePrefix);
  }

  // send posts body and reports errors next to their field. linePrefix(field)
  // returns the text put before the message, such as "Line 4", or "".
  async send(form, body, linePrefix) {
    clearErrors(form);
    const button = form.querySelector('[type="submit"]');
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    let group;
    try {
      group = await request("POST", "/api/v1/groups", body);
    } catch (err) {
      showError(form, err, linePrefix);
      return;
    } finally {
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
    this.onCreated(group);
  }
}

function clearErrors(form) {
  for (const box of form.querySelectorAll("[data-error-for]")) {
    box.textContent = "";
    box.hidden = true;
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
}

// showError puts the message next to the field it names: "a", "b",
// "expressions" or "expressions[i]". Other errors go above the button.
function showError(form, err, linePrefix) {
  const field = err instanceof ApiError ? err.field : "";
  const name = field.replace(/\[\d+\]$/, "");
  let box = name ? form.querySelector(`[data-error-for="${CSS.escape(name)}"]`) : null;
  const input = name ? form.elements.namedItem(name) : null;
  const prefix = field ? linePrefix(field) : "";
  const message = prefix ? `${prefix}: ${describeError(err)}` : describeError(err);
  if (!box || !input) {
    box = form.querySelector('[data-error-for=""]');
  } else {
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
  box.textContent = message;
  box.hidden = false;
}
