package pgtest

import "testing"

func TestDatabaseDSN(t *testing.T) {
	tests := []struct {
		name string
		base string
		want string
	}{
		{
			name: "keyword value",
			base: "host=/run/pg user=emma dbname=admin",
			want: "host=/run/pg user=emma dbname=admin dbname='t_1'",
		},
		{
			name: "url",
			base: "postgres://emma@localhost:5432/admin?sslmode=disable",
			want: "postgres://emma@localhost:5432/t_1?sslmode=disable",
		},
		{
			name: "url without database",
			base: "postgresql://emma@localhost",
			want: "postgresql://emma@localhost/t_1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := databaseDSN(tt.base, "t_1"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
