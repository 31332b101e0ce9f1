package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"emma/config"
	"emma/modules/db"
	"emma/modules/pgserver"
)

// NewCommand returns the emma command line. Commands return their errors;
// only main prints them.
func NewCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "emma",
		Short:         "Emma computes exact results and shows them live in a browser dashboard",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newServeCommand(stderr), newMigrateCommand(stdout, stderr), newVersionCommand(stdout))
	return root
}

func newServeCommand(stderr io.Writer) *cobra.Command {
	var role string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the web server, the workers, or both",
		Long: "Run Emma. --role=web serves HTTP and WebSockets and enqueues jobs, --role=worker works " +
			"jobs, --role=all (the default) does both. Without DATABASE_URL, role all runs a private " +
			"Postgres in EMMA_DATA_DIR.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			r, err := ParseRole(role)
			if err != nil {
				return err
			}
			cfg, log, err := load(stderr)
			if err != nil {
				return err
			}
			return serve(cmd.Context(), cfg, r, log)
		},
	}
	cmd.Flags().StringVar(&role, "role", string(RoleAll), "components to run: web, worker or all")
	return cmd
}

// serve runs the app until SIGINT or SIGTERM, then shuts it down under
// the configured deadline.
func serve(ctx context.Context, cfg *config.Config, role Role, log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := New(cfg, role, log)
	if err != nil {
		return err
	}
	log.Info("starting emma", append([]any{"role", role, "version", versionString()}, cfg.LogAttrs()...)...)
	if err := a.Start(ctx); err != nil {
		return err
	}
	var failure error
	select {
	case <-ctx.Done():
	case failure = <-a.Failed():
		log.Error("component failed, shutting down", "error", failure)
	}
	log.Info("shutting down", "deadline", cfg.ShutdownTimeout)
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.ShutdownTimeout)
	defer cancel()
	return errors.Join(failure, a.Close(shutdownCtx))
}

func newMigrateCommand(stdout, stderr io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:       "migrate [up|down|status]",
		Short:     "Apply migrations (up, the default), roll back the newest one (down), or show the version",
		Args:      cobra.MatchAll(cobra.MaximumNArgs(1), cobra.OnlyValidArgs),
		ValidArgs: []string{"up", "down", "status"},
		RunE: func(cmd *cobra.Command, args []string) error {
			action := "up"
			if len(args) == 1 {
				action = args[0]
			}
			cfg, log, err := load(stderr)
			if err != nil {
				return err
			}
			return withDatabase(cmd.Context(), cfg, log, func(dsn string) error {
				return migrateAction(cmd.Context(), action, dsn, log, stdout)
			})
		},
	}
}

func migrateAction(ctx context.Context, action, dsn string, log *slog.Logger, stdout io.Writer) error {
	switch action {
	case "up":
		return db.Migrate(ctx, dsn, log)
	case "down":
		return db.MigrateDown(ctx, dsn, log)
	default:
		st, err := db.CurrentStatus(ctx, dsn, log)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "emma schema version: %d (dirty: %t)\nriver schema version: %d\n",
			st.Version, st.Dirty, st.RiverVersion)
		return err
	}
}

// withDatabase runs fn with DATABASE_URL, or with the embedded server
// started for the duration of the call.
func withDatabase(ctx context.Context, cfg *config.Config, log *slog.Logger, fn func(dsn string) error) error {
	if !cfg.Embedded() {
		return fn(cfg.DatabaseURL)
	}
	srv, err := pgserver.Start(ctx, pgserver.Config{
		DataDir: cfg.DataDir, BinDir: cfg.PGBinDir, Logger: log.With("component", "postgres"),
		Database: "emma", Settings: embeddedSettings(),
	})
	if err != nil {
		return fmt.Errorf("start embedded postgres: %w", err)
	}
	defer func() {
		if err := srv.Stop(context.WithoutCancel(ctx)); err != nil {
			log.Error("stop embedded postgres failed", "error", err)
		}
	}()
	return fn(srv.DSN("emma"))
}

func newVersionCommand(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and commit this binary was built from",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(stdout, "emma", versionString())
			return err
		},
	}
}

// versionString reads the module version and VCS commit from build info.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	version, commit, modified := info.Main.Version, "unknown", ""
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = " (modified)"
			}
		}
	}
	return fmt.Sprintf("%s commit %s%s", version, commit, modified)
}

func load(stderr io.Writer) (*config.Config, *slog.Logger, error) {
	cfg, err := config.Load(os.Getenv)
	if err != nil {
		return nil, nil, err
	}
	return cfg, NewLogger(cfg, stderr), nil
}
