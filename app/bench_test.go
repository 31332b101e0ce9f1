package app_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"emma/app/apptest"
)

// BenchmarkPairThroughput submits b.N pair groups (four jobs each) over
// HTTP from four clients and waits until every job is final. It runs
// River's default fetch settings and Emma's side by side.
func BenchmarkPairThroughput(b *testing.B) {
	settings := []struct {
		name             string
		cooldown, pollMS string
	}{
		{"river_defaults", "100", "1000"},
		{"emma_defaults", "1", "50"},
	}
	for _, s := range settings {
		b.Run(s.name, func(b *testing.B) {
			srv := apptest.Start(b, apptest.Options{Env: map[string]string{
				"EMMA_FETCH_COOLDOWN_MS": s.cooldown, "EMMA_FETCH_POLL_INTERVAL_MS": s.pollMS,
				"EMMA_LOG_LEVEL": "warn",
			}})
			clients := make([]*apptest.Client, 4)
			for i := range clients {
				clients[i] = srv.NewClient(b)
				clients[i].Register(fmt.Sprintf("bench%d@example.com", i))
			}
			conn, err := pgx.Connect(context.Background(), srv.DSN)
			if err != nil {
				b.Fatalf("connect: %v", err)
			}
			defer conn.Close(context.Background())

			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for i, c := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for n := i; n < b.N; n += len(clients) {
						c.Submit(fmt.Sprint(n), "7")
					}
				}()
			}
			wg.Wait()
			waitAllFinal(b, conn, 4*b.N)
			elapsed := time.Since(start)
			b.StopTimer()
			b.ReportMetric(float64(4*b.N)/elapsed.Seconds(), "jobs/s")
		})
	}
}

func waitAllFinal(b *testing.B, conn *pgx.Conn, want int) {
	b.Helper()
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		var done int
		err := conn.QueryRow(context.Background(),
			`SELECT count(*) FROM jobs WHERE status IN ('completed', 'failed')`).Scan(&done)
		if err != nil {
			b.Fatalf("count jobs: %v", err)
		}
		if done >= want {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	b.Fatalf("jobs not final after 5 minutes")
}
