package group

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/riverqueue/river"

	"emma/modules/calc"
	"emma/modules/web"
)

// MaxAttempts bounds how often a compute job runs. Input errors are never
// retried; this covers lost workers and database failures.
const MaxAttempts = 3

// Submission is the body of POST /api/v1/groups: either a and b, or a list
// of expressions.
type Submission struct {
	A           *string  `json:"a"`
	B           *string  `json:"b"`
	Expressions []string `json:"expressions"`
}

// Submit validates a submission and stores it as a group whose jobs are
// queued. Nothing is stored when any part is invalid.
func (s *Store) Submit(ctx context.Context, userID int64, in Submission) (*Group, error) {
	g, err := newGroup(userID, in)
	if err != nil {
		return nil, err
	}
	if err := s.Create(ctx, g, route); err != nil {
		return nil, err
	}
	return g, nil
}

func newGroup(userID int64, in Submission) (*Group, error) {
	hasPair := in.A != nil || in.B != nil
	switch {
	case hasPair && in.Expressions != nil:
		return nil, web.Invalid("expressions", "send either a and b, or expressions, not both")
	case hasPair:
		return newPairGroup(userID, in)
	case in.Expressions != nil:
		return newExpressionGroup(userID, in.Expressions)
	default:
		return nil, &web.Error{Status: http.StatusUnprocessableEntity, Code: calc.CodeInvalidNumber, Field: "a",
			Message: `a and b are missing; send two numbers as strings, {"a": "5", "b": "10"}, or {"expressions": ["1+2"]}`}
	}
}

func newPairGroup(userID int64, in Submission) (*Group, error) {
	for _, f := range []struct {
		name  string
		value *string
	}{{"a", in.A}, {"b", in.B}} {
		if f.value == nil {
			return nil, &web.Error{Status: http.StatusUnprocessableEntity, Code: calc.CodeInvalidNumber,
				Field: f.name, Message: fmt.Sprintf("%s is missing; send it as a decimal string such as \"2.5\"", f.name)}
		}
		if _, err := calc.ParseNumber(f.name, *f.value); err != nil {
			return nil, calcError(err)
		}
	}
	g := &Group{UserID: userID, Kind: KindPair, A: in.A, B: in.B}
	for i, op := range PairOperations {
		g.Jobs = append(g.Jobs, Job{UserID: userID, Position: i, Operation: op,
			Status: StatusQueued, InsightStatus: InsightNone})
	}
	return g, nil
}

func newExpressionGroup(userID int64, exprs []string) (*Group, error) {
	if len(exprs) == 0 {
		return nil, web.Invalid("expressions", "expressions is empty; send 1 to %d expressions", calc.MaxExpressions)
	}
	if len(exprs) > calc.MaxExpressions {
		return nil, web.Invalid("expressions", "%d expressions sent; a group takes at most %d, so split them",
			len(exprs), calc.MaxExpressions)
	}
	g := &Group{UserID: userID, Kind: KindExpressions}
	for i, raw := range exprs {
		expr := strings.TrimSpace(raw)
		if err := calc.Validate(expr); err != nil {
			e := calcError(err)
			if we, ok := web.AsError(e); ok {
				we.Field = fmt.Sprintf("expressions[%d]", i)
				we.Message = fmt.Sprintf("expression %d: %s", i+1, we.Message)
			}
			return nil, e
		}
		g.Jobs = append(g.Jobs, Job{UserID: userID, Position: i, Operation: OpExpression,
			Expression: &expr, Status: StatusQueued, InsightStatus: InsightNone})
	}
	return g, nil
}

// route chooses the River queue of a job.
func route(j *Job) river.InsertOpts {
	opts := river.InsertOpts{Queue: QueueCompute, MaxAttempts: MaxAttempts}
	if j.Expression != nil && calc.IsHeavy(*j.Expression) {
		opts.Queue = QueueHeavy
	}
	return opts
}

// calcError turns a calc input error into a 422 web error.
func calcError(err error) error {
	var ce *calc.Error
	if !errors.As(err, &ce) {
		return err
	}
	return &web.Error{Status: http.StatusUnprocessableEntity, Code: ce.Code, Message: ce.Message, Field: ce.Field}
}
