package insight

import (
	"errors"
	"strings"
	"testing"

	"emma/modules/group"
)

func strPtr(s string) *string { return &s }

func TestResultValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		job       group.Job
		wantText  string
		wantExact string // "" means nil
		wantErr   bool
	}{
		{name: "integer", job: group.Job{Result: strPtr("42"), ResultExact: strPtr("42")},
			wantText: "42", wantExact: "42/1"},
		{name: "fraction", job: group.Job{Result: strPtr("0.3333333333"), ResultExact: strPtr("1/3"), Approximate: true},
			wantText: "1/3", wantExact: "1/3"},
		{name: "decimal", job: group.Job{Result: strPtr("-2.50"), ResultExact: strPtr("-2.50")},
			wantText: "-2.50", wantExact: "-5/2"},
		{name: "irrational", job: group.Job{Result: strPtr("1.41421356"), Approximate: true},
			wantText: "1.41421356"},
		{name: "exact missing but not approximate", job: group.Job{Result: strPtr("7")},
			wantText: "7", wantExact: "7/1"},
		{name: "factorization", job: group.Job{Result: strPtr("2^3 × 3"), ResultExact: strPtr("2^3 × 3")},
			wantText: "2^3 × 3", wantExact: "24/1"},
		{name: "negative factorization", job: group.Job{ResultExact: strPtr("-2 * 5^2")},
			wantText: "-2 * 5^2", wantExact: "-50/1"},
		{name: "no result", job: group.Job{}, wantErr: true},
		{name: "exponent syntax", job: group.Job{ResultExact: strPtr("1e5")}, wantErr: true},
		{name: "hexadecimal", job: group.Job{ResultExact: strPtr("0x10")}, wantErr: true},
		{name: "zero denominator", job: group.Job{ResultExact: strPtr("1/0")}, wantErr: true},
		{name: "huge exponent", job: group.Job{ResultExact: strPtr("3^99999999")}, wantErr: true},
		{name: "text", job: group.Job{Result: strPtr("abc")}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := resultValue(&tt.job)
			if tt.wantErr {
				if !errors.Is(err, errNoValue) {
					t.Errorf("error = %v, want errNoValue", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("error = %v, want nil", err)
			}
			if v.text != tt.wantText {
				t.Errorf("text = %q, want %q", v.text, tt.wantText)
			}
			got := ""
			if v.exact != nil {
				got = v.exact.String()
			}
			if got != tt.wantExact {
				t.Errorf("exact = %q, want %q", got, tt.wantExact)
			}
		})
	}
}

func TestCacheKey(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("7", 5000)
	tests := []struct {
		name string
		job  group.Job
		want string // a prefix when wantHashed
		hash bool
	}{
		{name: "decimal and fraction agree", job: group.Job{ResultExact: strPtr("0.5")}, want: "1/2"},
		{name: "fraction", job: group.Job{ResultExact: strPtr("2/4")}, want: "1/2"},
		{name: "factorization equals its product", job: group.Job{ResultExact: strPtr("2 × 3")}, want: "6/1"},
		{name: "irrational", job: group.Job{Result: strPtr("3.14159"), Approximate: true}, want: "approx:3.14159"},
		{name: "long value is hashed", job: group.Job{ResultExact: &long}, want: "sha256:", hash: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v, err := resultValue(&tt.job)
			if err != nil {
				t.Fatalf("resultValue: %v", err)
			}
			got := v.cacheKey()
			if tt.hash {
				if !strings.HasPrefix(got, tt.want) || len(got) != len(tt.want)+64 {
					t.Errorf("key = %q, want %q and 64 hex digits", got, tt.want)
				}
				return
			}
			if got != tt.want {
				t.Errorf("key = %q, want %q", got, tt.want)
			}
		})
	}
}
