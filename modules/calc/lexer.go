package calc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind is the kind of a lexical token of an expression.
type tokenKind int

// Token kinds. Operators written in several ways share one kind: U+2212
// is tokenMinus, U+00D7 is tokenTimes, U+00F7 is tokenDivide and "**" is
// tokenPower.
const (
	tokenEnd tokenKind = iota
	tokenNumber
	tokenName
	tokenPlus
	tokenMinus
	tokenTimes
	tokenDivide
	tokenModulo
	tokenPower
	tokenFactorial
	tokenOpen
	tokenClose
	tokenComma
)

// token is one lexical token with its 1-based column.
type token struct {
	kind tokenKind
	pos  int
	text string
	// number is the literal of a tokenNumber.
	number decimal
	// spaceBefore reports whether white space precedes the token.
	spaceBefore bool
}

// singleRuneToken returns the kind of a one-character operator.
func singleRuneToken(r rune) (tokenKind, bool) {
	switch r {
	case '+':
		return tokenPlus, true
	case '-', minusSign:
		return tokenMinus, true
	case '*', '\u00d7':
		return tokenTimes, true
	case '/', '\u00f7':
		return tokenDivide, true
	case '%':
		return tokenModulo, true
	case '^':
		return tokenPower, true
	case '!':
		return tokenFactorial, true
	case '(':
		return tokenOpen, true
	case ')':
		return tokenClose, true
	case ',':
		return tokenComma, true
	}
	return tokenEnd, false
}

// checkLength rejects an empty expression or one longer than
// MaxExpressionLength characters, before any other work.
func checkLength(expr string) error {
	if len(expr) > 4*MaxExpressionLength ||
		utf8.RuneCountInString(expr) > MaxExpressionLength {
		return newError(CodeInvalidExpression,
			"the expression is longer than %d characters", MaxExpressionLength)
	}
	index := 1
	for rest := expr; rest != ""; index++ {
		r, size := utf8.DecodeRuneInString(rest)
		if r == utf8.RuneError && size == 1 {
			return syntaxError(index, "the expression is not valid UTF-8 text")
		}
		rest = rest[size:]
	}
	if strings.TrimSpace(expr) == "" {
		return newError(CodeInvalidExpression, "the expression is empty")
	}
	return nil
}

// tokenize splits an expression into tokens, ending with tokenEnd.
func tokenize(expr string) ([]token, error) {
	runes := []rune(expr)
	var tokens []token
	space := false
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case unicode.IsSpace(r):
			space = true
			i++
			continue
		case r == '*' && i+1 < len(runes) && runes[i+1] == '*':
			tokens = append(tokens, token{kind: tokenPower, pos: i + 1, text: "**"})
			i += 2
		case isDigit(r) || r == '.':
			tok, end, err := scanNumberToken(runes, i)
			if err != nil {
				return nil, err
			}

			tokens = append(tokens, tok)
			i = end
		case isNameStart(r):
			end := i + 1
			for end < len(runes) && isNamePart(runes[end]) {
				end++
			}
			tokens = append(tokens, token{kind: tokenName, pos: i + 1, text: string(runes[i:end])})
			i = end
		default:
			kind, ok := singleRuneToken(r)
			if !ok {
				return nil, syntaxError(i+1, "unexpected character %s", strconv.QuoteRune(r))
			}
			tokens = append(tokens, token{kind: kind, pos: i + 1, text: string(r)})
			i++
		}
		tokens[len(tokens)-1].spaceBefore = space
		space = false
	}
	return append(tokens, token{kind: tokenEnd, pos: len(runes) + 1, spaceBefore: space}), nil
}

// scanNumberToken scans a number literal at runes[start] and rejects
// letters, digits or separators glued to its end.
func scanNumberToken(runes []rune, start int) (token, int, error) {
	d, end, problem := scanDecimal(runes, start)
	if problem != nil {
		return token{}, 0, syntaxError(problem.index+1, "%s", problem.message)
	}
	text := string(runes[start:end])
	if end < len(runes) {
		next := runes[end]
		switch {
		case (next == 'x' || next == 'X' || next == 'b' || next == 'o') && text == "0":
			return token{}, 0, syntaxError(end+1,
				"hexadecimal, binary and octal numbers are not accepted")
		case next == '_' || next == '\'':
			return token{}, 0, syntaxError(end+1,
				"unexpected %s; digit group separators are not accepted",
				strconv.QuoteRune(next))
		case isNamePart(next):
			return token{}, 0, syntaxError(end+1,
				"unexpected %s after the number %s; write an operator such as * between them",
				strconv.QuoteRune(next), text)
		}
	}
	return token{kind: tokenNumber, pos: start + 1, text: text, number: d}, end, nil
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9'
}

// isNameStart reports whether r can start a function name.
func isNameStart(r rune) bool {
	return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}

// isNamePart reports whether r can continue a function name.
func isNamePart(r rune) bool {
	return isNameStart(r) || isDigit(r)
}
