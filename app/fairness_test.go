package app_test

import (
	"testing"

	"emma/app/apptest"
	"emma/modules/group"
)

// TestHeavyQueueIsSharedBetweenUsers gives one user three heavy jobs that
// run into the deadline and another user one quick heavy job. The quick
// job must not wait for the whole list.
func TestHeavyQueueIsSharedBetweenUsers(t *testing.T) {
	cases := []struct {
		name        string
		concurrency string
	}{
		{"one slot, by priority", "1"},
		{"two slots, by per-user limit", "2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := apptest.Start(t, apptest.Options{Env: map[string]string{
				"EMMA_JOB_TIMEOUT_SECONDS": "2", "EMMA_HEAVY_CONCURRENCY": tc.concurrency,
			}})
			hog, other := srv.NewClient(t), srv.NewClient(t)
			hog.Register("hog@example.com")
			other.Register("other@example.com")
			slow := "factor(" + semiprime + ")"
			long := hog.SubmitExpressions(slow, slow, slow)
			quick := other.SubmitExpressions("25!")

			done := other.Open(quick.ID).WaitFinal(waitJobs)[quick.Jobs[0].ID]
			if done.Status != group.StatusCompleted || done.FinishedAt == nil {
				t.Fatalf("quick job: got status %s, want completed", done.Status)
			}
			hogJobs := hog.Open(long.ID).WaitFinal(3 * waitJobs)
			last := hogJobs[long.Jobs[2].ID]
			if last.StartedAt == nil || !done.FinishedAt.Before(*last.StartedAt) {
				t.Errorf("quick job finished at %v, not before the hog's last job started at %v",
					done.FinishedAt, last.StartedAt)
			}
			// With one heavy job per user at a time, the hog's jobs never
			// overlap, whatever order they ran in.
			for _, a := range hogJobs {
				for _, b := range hogJobs {
					if a.ID < b.ID && overlap(a, b) {
						t.Errorf("hog's jobs %d and %d ran at the same time", a.ID, b.ID)
					}
				}
			}
		})
	}
}

// overlap reports whether two finished jobs ran at the same time. Start
// and finish times come from the database clock, so no skew applies.
func overlap(a, b group.JobView) bool {
	if a.StartedAt == nil || b.StartedAt == nil || a.FinishedAt == nil || b.FinishedAt == nil {
		return false
	}
	return a.StartedAt.Before(*b.FinishedAt) && b.StartedAt.Before(*a.FinishedAt)
}
