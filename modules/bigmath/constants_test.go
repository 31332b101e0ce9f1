package bigmath

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
)

// Known leading digits, from the published decimal expansions.
const (
	piPrefix = "3.14159265358979323846264338327950288419716939937510"
	ePrefix  = "2.71828182845904523536028747135266249775724709369995"
)

// constantFunc is the signature shared by Pi and E.
type constantFunc func(ctx context.Context, digits int, p Progress) (string, error)

var constants = []struct {
	name    string
	compute constantFunc
	prefix  string
	bc      string
}{
	{name: "pi", compute: Pi, prefix: piPrefix, bc: "4*a(1)"},
	{name: "e", compute: E, prefix: ePrefix, bc: "e(1)"},
}

func TestConstantsSmallDigitCounts(t *testing.T) {
	for _, c := range constants {
		for digits := 0; digits <= 50; digits++ {
			got, err := c.compute(context.Background(), digits, nil)
			if err != nil {
				t.Fatalf("%s to %d digits: got error %v, want nil", c.name, digits, err)
			}

			want := c.prefix[:digits+2]
			if digits == 0 {
				want = c.prefix[:1]
			}

			if got != want {
				t.Errorf("%s to %d digits: got %s, want %s", c.name, digits, got, want)
			}
		}
	}
}

func TestConstantsMatchBc(t *testing.T) {
	const digits = 1000
	for _, c := range constants {
		t.Run(c.name, func(t *testing.T) {
			// bc truncates too, and its last few digits may be wrong, so
			// it computes 10 digits more.
			want := bcDigits(t, fmt.Sprintf("scale=%d; %s", digits+10, c.bc))[:digits+2]
			got, err := c.compute(context.Background(), digits, nil)
			if err != nil {
				t.Fatalf("got error %v, want nil", err)
			}

			if got != want {
				t.Errorf("got %s, want %s", got, want)
			}
		})
	}
}

// TestConstantsArePrefixes checks that every truncation is a prefix of a
// longer one, across the six nines of pi at digits 762-767, where a
// rounded result would carry into earlier digits.
func TestConstantsArePrefixes(t *testing.T) {
	for _, c := range constants {
		long, err := c.compute(context.Background(), 3000, nil)
		if err != nil {
			t.Fatalf("%s: got error %v, want nil", c.name, err)
		}

		for digits := 755; digits <= 775; digits++ {
			got, err := c.compute(context.Background(), digits, nil)
			if err != nil {
				t.Fatalf("%s to %d digits: got error %v, want nil", c.name, digits, err)
			}

			if want := long[:digits+2]; got != want {
				t.Errorf("%s to %d digits: got ...%s, want ...%s",
					c.name, digits, got[len(got)-10:], want[len(want)-10:])
			}
		}
	}
}

func TestConstantsRejectNegativeDigits(t *testing.T) {
	for _, c := range constants {
		_, err := c.compute(context.Background(), -1, nil)
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: got error %v, want ErrInvalidArgument", c.name, err)
		}
	}
}

func TestConstantsReportProgress(t *testing.T) {
	for _, c := range constants {
		var log progressLog
		if _, err := c.compute(context.Background(), 30000, log.record); err != nil {
			t.Fatalf("%s: got error %v, want nil", c.name, err)
		}

		log.check(t)
	}
}

func TestTruncateGuarded(t *testing.T) {
	tests := []struct {
		v      int64
		want   int64
		proven bool
	}{
		{v: 31402, want: 314, proven: true},
		{v: 31497, want: 314, proven: true},
		{v: 31401},
		{v: 31400},
		{v: 31498},
		{v: 31499},
	}

	for _, tt := range tests {
		got, proven := truncateGuarded(big.NewInt(tt.v), 2)
		if proven != tt.proven {
			t.Errorf("truncate %d: got proven %v, want %v", tt.v, proven, tt.proven)
			continue
		}

		if proven && got.Int64() != tt.want {
			t.Errorf("truncate %d: got %s, want %d", tt.v, got, tt.want)
		}
	}
}
