package insight

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"emma/modules/group"
)

// maxKeyLength is the longest cache key stored as is. Longer keys are
// replaced by their SHA-256, because a Postgres B-tree entry must fit in
// about a third of an 8 kB page and results can have millions of digits.
const maxKeyLength = 256

// maxProductBits bounds the integer rebuilt from a factorization text, so
// that a crafted exponent cannot make the worker allocate gigabytes.
const maxProductBits = 1 << 22

// errNoValue is returned for a completed job whose result cannot be read.
var errNoValue = errors.New("result is not a number")

// value is the result of a job in the form that facts.Compute takes.
type value struct {
	// text is the decimal approximation of an irrational result, and the
	// exact text otherwise.
	text string
	// exact is the exact value, and nil for an irrational result.
	exact *big.Rat
}

// resultValue reads the value of a completed job. The exact form is "p/q",
// a decimal, or a factorization such as "2^3 × 3"; a job without one and
// with Approximate set is irrational.
func resultValue(j *group.Job) (value, error) {
	if j.ResultExact != nil && *j.ResultExact != "" {
		text := *j.ResultExact
		if r, ok := parseRat(text); ok {
			return value{text: text, exact: r}, nil
		}
		if r, ok := parseFactorization(text); ok {
			return value{text: text, exact: r}, nil
		}
		return value{}, fmt.Errorf("job %d exact result: %w", j.ID, errNoValue)
	}
	if j.Result == nil || *j.Result == "" {
		return value{}, fmt.Errorf("job %d has no result: %w", j.ID, errNoValue)
	}
	if j.Approximate {
		return value{text: *j.Result}, nil
	}
	r, ok := parseRat(*j.Result)
	if !ok {
		return value{}, fmt.Errorf("job %d result: %w", j.ID, errNoValue)
	}
	return value{text: *j.Result, exact: r}, nil
}

// cacheKey returns the canonical text of v: the reduced fraction "p/q" of
// an exact value, or "approx:" and the decimal text of an irrational one.
// Keys longer than maxKeyLength become "sha256:" and a hex digest.
func (v value) cacheKey() string {
	key := "approx:" + v.text
	if v.exact != nil {
		key = v.exact.String()
	}
	if len(key) <= maxKeyLength {
		return key
	}
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// parseRat parses "p/q" with integers p, q and q > 0, or a decimal such as
// "-12.5". It rejects the other syntaxes of big.Rat.SetString, such as
// exponents and hexadecimal.
func parseRat(s string) (*big.Rat, bool) {
	num, den, isFraction := strings.Cut(s, "/")
	if isFraction && !(isDecimal(num, false) && isDecimal(den, false)) {
		return nil, false
	}
	if !isFraction && !isDecimal(s, true) {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

// isDecimal reports whether s is an optional minus sign followed by digits,
// with one decimal point between digits when point is true.
func isDecimal(s string, point bool) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasPoint := strings.Cut(s, ".")
	if hasPoint && (!point || frac == "") {
		return false
	}
	return whole != "" && allDigits(whole) && allDigits(frac)
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseFactorization multiplies out a factorization text: terms "p" or
// "p^k" joined by "×" or "*", with an optional leading minus sign. It
// rejects products of more than maxProductBits bits.
func parseFactorization(s string) (*big.Rat, bool) {
	s = strings.TrimSpace(s)
	negative := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	terms := strings.FieldsFunc(s, func(r rune) bool { return r == '×' || r == '*' })
	if len(terms) == 0 {
		return nil, false
	}
	product := big.NewInt(1)
	bits := 0
	for _, term := range terms {
		p, k, ok := parsePower(strings.TrimSpace(term))
		if !ok {
			return nil, false
		}
		bits += p.BitLen() * k
		if bits > maxProductBits {
			return nil, false
		}
		product.Mul(product, new(big.Int).Exp(p, big.NewInt(int64(k)), nil))
	}
	if negative {
		product.Neg(product)
	}
	return new(big.Rat).SetInt(product), true
}

// parsePower parses "p" or "p^k" with decimal integers p >= 0 and
// 1 <= k <= maxProductBits.
func parsePower(term string) (*big.Int, int, bool) {
	base, exp, hasExp := strings.Cut(term, "^")
	if base == "" || !allDigits(base) {
		return nil, 0, false
	}
	k := 1
	if hasExp {
		n, err := strconv.Atoi(exp)
		if err != nil || n < 1 || n > maxProductBits || !allDigits(exp) {
			return nil, 0, false
		}
		k = n
	}
	p, ok := new(big.Int).SetString(base, 10)
	return p, k, ok
}
