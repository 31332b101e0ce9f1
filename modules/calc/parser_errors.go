package calc

import (
	"strconv"
	"strings"
)

// unexpectedAfterOperand builds the error for a token that follows a
// complete operand where an operator or the given closer was expected,
// naming the usual cause: a decimal comma, a space inside a number or a
// missing '*'.
func (p *parser) unexpectedAfterOperand(closer string) error {
	tok := p.peek()
	var previous token
	if p.next > 0 {
		previous = p.tokens[p.next-1]
	}
	switch {
	case tok.kind == tokenComma && previous.kind == tokenNumber:
		return syntaxError(tok.pos, "unexpected ','; %s", commaHint(p.commaRun()))
	case tok.kind == tokenComma:
		return syntaxError(tok.pos,
			"unexpected ','; commas only separate the arguments of a function")
	case tok.kind == tokenNumber && previous.kind == tokenNumber && tok.spaceBefore:
		return syntaxError(tok.pos,
			"unexpected number %s; spaces inside numbers are not accepted", tok.text)
	case tok.kind == tokenNumber || tok.kind == tokenName || tok.kind == tokenOpen:
		return syntaxError(tok.pos,
			"unexpected %s; write an operator such as + or * between two operands",
			describeToken(tok))
	case tok.kind == tokenClose:
		return syntaxError(tok.pos, "unexpected ')' without a matching '('")
	}
	return syntaxError(tok.pos, "unexpected %s; expected an operator or %s",
		describeToken(tok), closer)
}

// commaRun returns the numbers and commas around the current ',' token as
// written, such as "1,000,000", for the advice in the message.
func (p *parser) commaRun() string {
	var b strings.Builder
	b.WriteString(p.tokens[p.next-1].text)
	for i := p.next; i+1 < len(p.tokens); i += 2 {
		comma, number := p.tokens[i], p.tokens[i+1]
		if comma.kind != tokenComma || number.kind != tokenNumber ||
			comma.spaceBefore || number.spaceBefore {
			break
		}
		b.WriteString("," + number.text)
	}
	return b.String()
}

// describeToken names a token for an error message.
func describeToken(tok token) string {
	switch tok.kind {
	case tokenEnd:
		return "end of the expression"
	case tokenNumber:
		return "number " + tok.text
	case tokenName:
		return "name " + strconv.Quote(tok.text)
	}
	return "'" + tok.text + "'"
}

// describeArity names the number of arguments a function takes.
func describeArity(spec functionSpec) string {
	switch {
	case spec.minArgs == spec.maxArgs && spec.minArgs == 1:
		return "1 argument"
	case spec.minArgs == spec.maxArgs:
		return strconv.Itoa(spec.minArgs) + " arguments"
	}
	return strconv.Itoa(spec.minArgs) + " or " + strconv.Itoa(spec.maxArgs) + " arguments"
}
