package db

import (
	"context"
	"log/slog"
	"time"

	"gorm.io/gorm/logger"
)

// slowQuery is the duration above which a statement is logged.
const slowQuery = 500 * time.Millisecond

// maxLoggedSQL bounds a logged statement. Statements are logged without
// their parameters, which hold password hashes and results of up to a
// million digits.
const maxLoggedSQL = 500

// gormLogger logs slow statements through slog. It does not log failed
// statements: GORM returns their errors, and the caller logs those it
// does not handle, so an expected failure such as a taken email makes no
// error line.
type gormLogger struct {
	log *slog.Logger
}

func newGormLogger(log *slog.Logger) logger.Interface { return gormLogger{log: log} }

func (l gormLogger) LogMode(logger.LogLevel) logger.Interface { return l }

func (l gormLogger) Info(ctx context.Context, msg string, args ...any) {
	l.log.InfoContext(ctx, "gorm: "+msg, "args", args)
}

func (l gormLogger) Warn(ctx context.Context, msg string, args ...any) {
	l.log.WarnContext(ctx, "gorm: "+msg, "args", args)
}

func (l gormLogger) Error(ctx context.Context, msg string, args ...any) {
	l.log.ErrorContext(ctx, "gorm: "+msg, "args", args)
}

// ParamsFilter implements gorm's ParamsFilter so that the SQL passed to
// Trace keeps placeholders in place of parameter values.
func (l gormLogger) ParamsFilter(_ context.Context, sql string, _ ...any) (string, []any) {
	return sql, nil
}

func (l gormLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), _ error) {
	elapsed := time.Since(begin)
	if elapsed < slowQuery {
		return
	}
	sql, rows := fc()
	if len(sql) > maxLoggedSQL {
		sql = sql[:maxLoggedSQL] + "…"
	}
	l.log.WarnContext(ctx, "slow query", "duration", elapsed, "rows", rows, "sql", sql)
}
