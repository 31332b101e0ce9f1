package group

import "time"

// ListResultLength is how many characters of a result the group list
// returns. GET /api/v1/groups/{id} returns results whole.
const ListResultLength = 200

// JobView is a job in the JSON API and WebSocket messages.
type JobView struct {
	ID              int64         `json:"id"`
	GroupID         int64         `json:"group_id"`
	Position        int           `json:"position"`
	Operation       string        `json:"operation"`
	Expression      *string       `json:"expression"`
	Status          string        `json:"status"`
	Result          *string       `json:"result"`
	ResultTruncated bool          `json:"result_truncated,omitempty"`
	Exact           *string       `json:"exact"`
	Approximate     bool          `json:"approximate"`
	Error           *ErrorView    `json:"error"`
	Progress        *ProgressView `json:"progress"`
	Insight         InsightView   `json:"insight"`
	CreatedAt       time.Time     `json:"created_at"`
	StartedAt       *time.Time    `json:"started_at"`
	FinishedAt      *time.Time    `json:"finished_at"`
	UpdatedAt       time.Time     `json:"updated_at"`
}

// ErrorView is the reason a job failed or was cancelled.
type ErrorView struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ProgressView is how far a running job has come.
type ProgressView struct {
	Percent float32 `json:"percent"`
	Phase   string  `json:"phase"`
}

// InsightView is the sentence about a result and where it came from.
type InsightView struct {
	Status        string  `json:"status"`
	Text          *string `json:"text"`
	Source        *string `json:"source"`
	PromptVersion *string `json:"prompt_version"`
	Note          *string `json:"note"`
}

// GroupView is a group in the JSON API.
type GroupView struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	A         *string   `json:"a,omitempty"`
	B         *string   `json:"b,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	Jobs      []JobView `json:"jobs"`
}

// NewJobView converts a job row.
func NewJobView(j *Job) JobView {
	v := JobView{
		ID: j.ID, GroupID: j.GroupID, Position: j.Position, Operation: j.Operation,
		Expression: j.Expression, Status: j.Status, Result: j.Result, Exact: j.ResultExact,
		Approximate: j.Approximate, CreatedAt: j.CreatedAt, StartedAt: j.StartedAt,
		FinishedAt: j.FinishedAt, UpdatedAt: j.UpdatedAt,
		Insight: InsightView{Status: j.InsightStatus, Text: j.InsightText, Source: j.InsightSource,
			PromptVersion: j.InsightPromptVersion, Note: j.InsightNote},
	}
	if j.ErrorCode != nil {
		v.Error = &ErrorView{Code: *j.ErrorCode, Message: deref(j.ErrorMessage)}
	}
	if j.Status == StatusRunning && j.ProgressPercent != nil {
		v.Progress = &ProgressView{Percent: *j.ProgressPercent, Phase: deref(j.ProgressPhase)}
	}
	return v
}

// NewGroupView converts a group row with its jobs.
func NewGroupView(g *Group) GroupView {
	v := GroupView{ID: g.ID, Kind: g.Kind, A: g.A, B: g.B, CreatedAt: g.CreatedAt,
		Jobs: make([]JobView, 0, len(g.Jobs))}
	for i := range g.Jobs {
		v.Jobs = append(v.Jobs, NewJobView(&g.Jobs[i]))
	}
	return v
}

// truncateResults shortens long results for the group list.
func (v *GroupView) truncateResults() {
	for i := range v.Jobs {
		j := &v.Jobs[i]
		for _, p := range []**string{&j.Result, &j.Exact} {
			if *p == nil {
				continue
			}
			if short, cut := truncateRunes(**p, ListResultLength); cut {
				*p = &short
				j.ResultTruncated = true
			}
		}
	}
}

// truncateRunes returns the first n characters of s followed by "…" when
// s is longer, and whether it cut. Factorisations contain "×", so the cut
// counts characters, not bytes.
func truncateRunes(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	runes := []rune(s)
	if len(runes) <= n {
		return s, false
	}
	return string(runes[:n]) + "…", true
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
