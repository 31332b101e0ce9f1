package group

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// reporter writes a running job's progress from its own goroutine, so the
// computation does not wait on the database. It writes the first report at
// once, so that a short computation still shows it started, and later
// reports at most once per ProgressInterval.
type reporter struct {
	store *Store
	log   *slog.Logger
	jobID int64

	mu      sync.Mutex
	percent float32
	phase   string
	dirty   bool

	first chan struct{}
	once  sync.Once
	done  chan struct{}
	wg    sync.WaitGroup
}

func newReporter(store *Store, log *slog.Logger, jobID int64) *reporter {
	r := &reporter{store: store, log: log, jobID: jobID,
		first: make(chan struct{}), done: make(chan struct{})}
	r.wg.Add(1)
	go r.run()
	return r
}

// report records progress; fraction is in [0, 1].
func (r *reporter) report(fraction float64, phase string) {
	pct := float32(min(max(fraction, 0), 1) * 100)
	r.mu.Lock()
	if pct != r.percent || phase != r.phase {
		r.percent, r.phase, r.dirty = pct, phase, true
	}
	r.mu.Unlock()
	r.once.Do(func() { close(r.first) })
}

func (r *reporter) run() {
	defer r.wg.Done()
	t := time.NewTicker(ProgressInterval)
	defer t.Stop()
	for {
		select {
		case <-r.done:
			return
		case <-r.first:
			r.first = nil // a nil channel never fires again
			r.flush()
		case <-t.C:
			r.flush()
		}
	}
}

func (r *reporter) flush() {
	r.mu.Lock()
	pct, phase, dirty := r.percent, r.phase, r.dirty
	r.dirty = false
	r.mu.Unlock()
	if !dirty {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := r.store.SetProgress(ctx, r.jobID, pct, phase); err != nil && !errors.Is(err, ErrFinal) {
		r.log.Warn("write progress failed", "job_id", r.jobID, "error", err)
	}
}

func (r *reporter) stop() {
	close(r.done)
	r.wg.Wait()
}
