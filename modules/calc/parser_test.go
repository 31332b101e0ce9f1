package calc

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidateAccepts(t *testing.T) {
	inputs := []string{
		"1+2", "-2^2", "2^-1", "2**3", "3!", "3!!", "(1)", "sqrt(2, 50)", "pi", "PI", "e", "e(5)",
		"pi()", "5 \u2212 3", "6 \u00d7 7 \u00f7 2", "1.68e\u22128", ".5+5.", "gcd(12, 18)",
		"--1", "+-+1", "\t1\n+\u00a02 ", "round(2.5)", "2^3^2", "factor(120)",
	}
	for _, input := range inputs {
		t.Run(input, func(t *testing.T) {
			if err := Validate(input); err != nil {
				t.Errorf("Validate(%q) = %v, want nil", input, err)
			}
		})
	}
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		input    string
		position int
		message  string
	}{
		{input: "1,5+1", position: 2, message: "position 2: unexpected ','; " +
			"decimal commas and thousands separators are not accepted, use 1.5"},
		{input: "1,000,000", position: 2, message: "position 2: unexpected ','; " +
			"decimal commas and thousands separators are not accepted, use 1000000"},
		{input: "2*(1,5)", position: 5, message: "position 5: unexpected ','; " +
			"decimal commas and thousands separators are not accepted, use 1.5"},
		{input: "(1+2),3", position: 6, message: "position 6: unexpected ','; " +
			"commas only separate the arguments of a function"},
		{input: "1 000", position: 3, message: "position 3: unexpected number 000; " +
			"spaces inside numbers are not accepted"},
		{input: "2(3)", position: 2, message: "position 2: unexpected '('; " +
			"write an operator such as + or * between two operands"},
		{input: "1+", position: 3, message: "position 3: the expression ends too early; " +
			"expected a number, a function or '('"},
		{input: "(1+2", position: 5, message: "position 5: missing ')' to close the '(' at position 1"},
		{input: "1+2)", position: 4, message: "position 4: unexpected ')' without a matching '('"},
		{input: "1 + * 2", position: 5, message: "position 5: unexpected '*'; " +
			"expected a number, a function or '('"},
		{input: "1..2", position: 3, message: "position 3: a number can contain only one decimal point"},
		{input: "1e", position: 3, message: "position 3: the exponent after 'e' needs digits, like 1.5e-3"},
		{input: "1e999999", position: 3, message: "position 3: the exponent must be between -100000 and 100000"},
		{input: "0x1F", position: 2, message: "position 2: hexadecimal, binary and octal numbers are not accepted"},
		{input: "1_000", position: 2, message: "position 2: unexpected '_'; digit group separators are not accepted"},
		{input: "2x", position: 2, message: "position 2: unexpected 'x' after the number 2; " +
			"write an operator such as * between them"},
		{input: "1 # 2", position: 3, message: "position 3: unexpected character '#'"},
		{input: "\u00e9", position: 1, message: "position 1: unexpected character '\u00e9'"},
		{input: "foo(1)", position: 1, message: `position 1: unknown function "foo"; the known functions are ` + functionNames},
		{input: "sqrt 2", position: 1, message: "position 1: sqrt needs its arguments in parentheses, like sqrt(2)"},
		{input: "gcd(1)", position: 1, message: "position 1: gcd takes 2 arguments, got 1"},
		{input: "abs(1, 2)", position: 1, message: "position 1: abs takes 1 argument, got 2"},
		{input: "sqrt()", position: 1, message: "position 1: sqrt takes 1 or 2 arguments, got 0"},
		{input: "1 + \xff", position: 5, message: "position 5: the expression is not valid UTF-8 text"},
		{input: "!", position: 1, message: "position 1: unexpected '!'; expected a number, a function or '('"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			err := Validate(tt.input)
			var calcErr *Error
			if !errors.As(err, &calcErr) {
				t.Fatalf("Validate(%q) = %v, want *Error", tt.input, err)
			}
			if calcErr.Code != CodeInvalidExpression {
				t.Errorf("code: got %q, want %q", calcErr.Code, CodeInvalidExpression)
			}
			if calcErr.Position != tt.position {
				t.Errorf("position: got %d, want %d", calcErr.Position, tt.position)
			}
			if calcErr.Message != tt.message {
				t.Errorf("message:\ngot  %q\nwant %q", calcErr.Message, tt.message)
			}
		})
	}
}

func TestValidateRejectsWithoutPosition(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		message string
	}{
		{name: "empty", input: "", message: "the expression is empty"},
		{name: "blank", input: " \t ", message: "the expression is empty"},
		{name: "too long", input: strings.Repeat("1+", MaxExpressionLength/2) + "1",
			message: "the expression is longer than 1000 characters"},
		{name: "too long in bytes", input: strings.Repeat("\u2212", 4*MaxExpressionLength),
			message: "the expression is longer than 1000 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.input)
			var calcErr *Error
			if !errors.As(err, &calcErr) {
				t.Fatalf("got %v, want *Error", err)
			}
			if calcErr.Message != tt.message {
				t.Errorf("message: got %q, want %q", calcErr.Message, tt.message)
			}
			if calcErr.Position != 0 {
				t.Errorf("position: got %d, want 0", calcErr.Position)
			}
		})
	}
}

func TestValidateDepth(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		wantErr bool
	}{
		{name: "parentheses at limit", input: strings.Repeat("(", MaxDepth) + "1" + strings.Repeat(")", MaxDepth)},
		{name: "parentheses over limit", input: strings.Repeat("(", MaxDepth+1) + "1" + strings.Repeat(")", MaxDepth+1), wantErr: true},
		{name: "signs over limit", input: strings.Repeat("-", MaxDepth+1) + "1", wantErr: true},
		{name: "powers over limit", input: strings.Repeat("1^", MaxDepth+1) + "1", wantErr: true},
		{name: "calls over limit", input: strings.Repeat("abs(", MaxDepth+1) + "1" + strings.Repeat(")", MaxDepth+1), wantErr: true},
		{name: "long flat sum", input: strings.Repeat("1+", 400) + "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.input)
			if !tt.wantErr {
				if err != nil {
					t.Errorf("got %v, want nil", err)
				}
				return
			}
			var calcErr *Error
			if !errors.As(err, &calcErr) || !strings.Contains(calcErr.Message, "nested more than 100 levels") {
				t.Errorf("got %v, want a nesting error", err)
			}
		})
	}
}

func TestValidateHugeInputIsQuick(t *testing.T) {
	inputs := []string{
		strings.Repeat("(", 100000),
		strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000),
		strings.Repeat("9", 10_000_000),
	}
	for _, input := range inputs {
		start := time.Now()
		err := Validate(input)
		if err == nil {
			t.Errorf("Validate of %d bytes = nil, want an error", len(input))
		}
		if elapsed := time.Since(start); elapsed > 100*time.Millisecond {
			t.Errorf("Validate of %d bytes took %v, want under 100ms", len(input), elapsed)
		}
	}
}

func TestParsePrecedence(t *testing.T) {
	tests := []struct {
		input string
		want  string
	}{
		{input: "1+2*3", want: "(1 + (2 * 3))"},
		{input: "1-2-3", want: "((1 - 2) - 3)"},
		{input: "8/4/2", want: "((8 / 4) / 2)"},
		{input: "2^3^2", want: "(2 ^ (3 ^ 2))"},
		{input: "-2^2", want: "-(2 ^ 2)"},
		{input: "2^-1", want: "(2 ^ -1)"},
		{input: "-3!", want: "-3!"},
		{input: "2^3!", want: "(2 ^ 3!)"},
		{input: "7%3*2", want: "((7 % 3) * 2)"},
		{input: "+5", want: "5"},
		{input: "abs(-1)+pi", want: "(abs(-1) + pi())"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			root, err := parse(tt.input)
			if err != nil {
				t.Fatalf("parse error: %v", err)
			}
			if got := render(root); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// render writes a tree with explicit parentheses, for tests.
func render(n *node) string {
	switch n.kind {
	case nodeNumber:
		return n.text
	case nodeNegate:
		return "-" + render(n.args[0])
	case nodeFactorial:
		return render(n.args[0]) + "!"
	case nodeCall:
		args := make([]string, len(n.args))
		for i, arg := range n.args {
			args[i] = render(arg)
		}
		return n.name + "(" + strings.Join(args, ", ") + ")"
	}
	symbols := map[tokenKind]string{tokenPlus: "+", tokenMinus: "-", tokenTimes: "*",
		tokenDivide: "/", tokenModulo: "%", tokenPower: "^"}
	return "(" + render(n.args[0]) + " " + symbols[n.op] + " " + render(n.args[1]) + ")"
}
