// Package insight writes one sentence about each completed result.
//
// Language models state false facts about numbers, so the model never
// computes anything here. Package facts computes and verifies the
// properties of the result, and the prompt passes only those facts as
// data. facts.CheckReply then rejects a reply with a number that the facts
// do not contain. Without
// an API key, over a user's daily budget, or when the model service fails,
// the insight is the sentence that facts builds without a model.
//
// Insights are cached by the canonical result value and PromptVersion and
// shared across users, so a value costs at most one model call per prompt
// version.
package insight
