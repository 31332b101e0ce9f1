package insight

import (
	"context"
	"sync"
	"testing"
	"time"
)

// reserveConcurrently runs reserve n times at once and returns how many
// reservations succeeded.
func reserveConcurrently(t *testing.T, n int, reserve func() (bool, error)) int {
	t.Helper()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		won  int
		errs []error
	)
	for range n {
		wg.Go(func() {
			ok, err := reserve()
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			if ok {
				won++
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		t.Errorf("reserve: %v", err)
	}
	return won
}

func TestReserveDailyIsAtomic(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{APIKey: testKey, DailyLimit: 5})
	user := env.addUser("a@example.com")
	ctx := context.Background()

	won := reserveConcurrently(t, 20, func() (bool, error) {
		_, ok, err := w.reserveDaily(ctx, user)
		return ok, err
	})

	if won != 5 {
		t.Errorf("reservations = %d, want 5", won)
	}
	if got := env.dailyCalls(user); got != 5 {
		t.Errorf("daily calls = %d, want 5", got)
	}
	other := env.addUser("b@example.com")
	if _, ok, err := w.reserveDaily(ctx, other); err != nil || !ok {
		t.Errorf("other user's reservation = %t, %v, want true, nil", ok, err)
	}
}

func TestRefundDaily(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{APIKey: testKey, DailyLimit: 1})
	user := env.addUser("a@example.com")
	ctx := context.Background()
	u, ok, err := w.reserveDaily(ctx, user)
	if err != nil || !ok {
		t.Fatalf("reserve = %t, %v, want true, nil", ok, err)
	}

	if err := w.refundDaily(ctx, user, u); err != nil {
		t.Fatalf("refund: %v", err)
	}
	if err := w.refundDaily(ctx, user, u); err != nil {
		t.Fatalf("second refund: %v", err)
	}

	if got := env.dailyCalls(user); got != 0 {
		t.Errorf("daily calls = %d, want 0 and never negative", got)
	}
	if _, ok, err := w.reserveDaily(ctx, user); err != nil || !ok {
		t.Errorf("reserve after refund = %t, %v, want true, nil", ok, err)
	}
}

func TestReserveRateIsAtomic(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{APIKey: testKey, PerMinute: 7})
	// A row from two hours ago is pruned by the first call of a minute.
	err := env.db.Gorm.Exec(`INSERT INTO insight_rate (minute, calls) VALUES
		(date_trunc('minute', now()) - interval '2 hours', 3)`).Error
	if err != nil {
		t.Fatalf("insert old minute: %v", err)
	}
	ctx := context.Background()
	start := time.Now()

	won := reserveConcurrently(t, 20, func() (bool, error) { return w.reserveRate(ctx) })

	// A minute that ends during the test lets the new minute take more.
	if start.Minute() == time.Now().Minute() && won != 7 {
		t.Errorf("reservations = %d, want 7", won)
	}
	var old int64
	err = env.db.Gorm.Raw(`SELECT count(*) FROM insight_rate WHERE minute < now() - interval '1 hour'`).Scan(&old).Error
	if err != nil {
		t.Fatalf("count old minutes: %v", err)
	}
	if old != 0 {
		t.Errorf("old minutes = %d, want 0 after pruning", old)
	}
}

func TestReserveRateOff(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{APIKey: testKey, PerMinute: 0})

	won := reserveConcurrently(t, 10, func() (bool, error) { return w.reserveRate(context.Background()) })

	if won != 10 {
		t.Errorf("reservations = %d, want 10 with the limit off", won)
	}
}

func TestUntilNextMinute(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{})

	d, err := w.untilNextMinute(context.Background())

	if err != nil {
		t.Fatalf("untilNextMinute: %v", err)
	}
	if d <= 0 || d > time.Minute {
		t.Errorf("untilNextMinute = %s, want in (0, 1m]", d)
	}
	next := time.Now().Add(d)
	if off := next.Sub(next.Round(time.Minute)).Abs(); off > time.Second {
		t.Errorf("now + %s is %s from a minute's start, want under 1s", d, off)
	}
}

func TestCacheFirstWriteWins(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	w := env.newWorker(Config{})
	ctx := context.Background()

	if _, ok, err := w.cached(ctx, "1/3"); err != nil || ok {
		t.Fatalf("cached before insert = %t, %v, want false, nil", ok, err)
	}
	for _, e := range []cacheEntry{{Text: "first", Source: "m1"}, {Text: "second", Source: "m2"}} {
		if err := w.cache(ctx, "1/3", e); err != nil {
			t.Fatalf("cache %q: %v", e.Text, err)
		}
	}
	got, ok, err := w.cached(ctx, "1/3")

	if err != nil || !ok {
		t.Fatalf("cached = %t, %v, want true, nil", ok, err)
	}
	if want := (cacheEntry{Text: "first", Source: "m1"}); got != want {
		t.Errorf("cached = %+v, want %+v", got, want)
	}
}
