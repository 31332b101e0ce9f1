package calc

import (
	"strings"
)

// parser is a recursive-descent parser over the tokens of one expression.
//
// Grammar, from loosest to tightest binding:
//
//	sum      = product { ("+" | "-") product }
//	product  = unary { ("*" | "/" | "%") unary }
//	unary    = ("+" | "-") unary | power
//	power    = postfix [ "^" unary ]
//	postfix  = primary { "!" }
//	primary  = number | name [ "(" [ sum { "," sum } ] ")" ] | "(" sum ")"
//
// So ^ is right-associative and binds tighter than a leading sign
// (-2^2 = -4), while its exponent may carry a sign (2^-1 = 0.5).
type parser struct {
	tokens []token
	next   int
	// depth counts the nested parentheses, calls, signs and exponents
	// being parsed, to stop before MaxDepth.
	depth int
}

// parse checks the length of expr and parses it into a tree.
func parse(expr string) (*node, error) {
	if err := checkLength(expr); err != nil {
		return nil, err
	}

	tokens, err := tokenize(expr)
	if err != nil {
		return nil, err
	}

	p := &parser{tokens: tokens}
	root, err := p.parseSum()
	if err != nil {
		return nil, err
	}

	if p.peek().kind != tokenEnd {
		return nil, p.unexpectedAfterOperand("the end of the expression")
	}
	return root, nil
}

func (p *parser) peek() token {
	return p.tokens[p.next]
}

func (p *parser) advance() token {
	tok := p.tokens[p.next]
	if tok.kind != tokenEnd {
		p.next++
	}
	return tok
}

// enter records one more level of nesting at tok and fails past MaxDepth.
func (p *parser) enter(tok token) error {
	p.depth++
	if p.depth > MaxDepth {
		return syntaxError(tok.pos,
			"the expression is nested more than %d levels deep in parentheses, "+
				"function calls, signs and exponents", MaxDepth)
	}
	return nil
}

func (p *parser) leave() {
	p.depth--
}

func (p *parser) parseSum() (*node, error) {
	left, err := p.parseProduct()
	if err != nil {
		return nil, err
	}

	for kind := p.peek().kind; kind == tokenPlus || kind == tokenMinus; kind = p.peek().kind {
		op := p.advance()
		right, err := p.parseProduct()
		if err != nil {
			return nil, err
		}

		left = &node{kind: nodeBinary, pos: op.pos, op: op.kind, args: []*node{left, right}}
	}
	return left, nil
}

func (p *parser) parseProduct() (*node, error) {
	left, err := p.parseUnary()
	if err != nil {
		return nil, err
	}

	for isProductOperator(p.peek().kind) {
		op := p.advance()
		right, err := p.parseUnary()
		if err != nil {
			return nil, err
		}

		left = &node{kind: nodeBinary, pos: op.pos, op: op.kind, args: []*node{left, right}}
	}
	return left, nil
}

func isProductOperator(kind tokenKind) bool {
	return kind == tokenTimes || kind == tokenDivide || kind == tokenModulo
}

func (p *parser) parseUnary() (*node, error) {
	sign := p.peek()
	if sign.kind != tokenPlus && sign.kind != tokenMinus {
		return p.parsePower()
	}
	p.advance()
	if err := p.enter(sign); err != nil {
		return nil, err
	}

	operand, err := p.parseUnary()
	if err != nil {
		return nil, err
	}

	p.leave()
	if sign.kind == tokenPlus {
		return operand, nil
	}
	return &node{kind: nodeNegate, pos: sign.pos, args: []*node{operand}}, nil
}

func (p *parser) parsePower() (*node, error) {
	base, err := p.parsePostfix()
	if err != nil {
		return nil, err
	}

	if p.peek().kind != tokenPower {
		return base, nil
	}
	op := p.advance()
	if err := p.enter(op); err != nil {
		return nil, err
	}

	exponent, err := p.parseUnary()
	if err != nil {
		return nil, err
	}

	p.leave()
	return &node{kind: nodeBinary, pos: op.pos, op: tokenPower, args: []*node{base, exponent}}, nil
}

func (p *parser) parsePostfix() (*node, error) {
	operand, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}

	for p.peek().kind == tokenFactorial {
		op := p.advance()
		operand = &node{kind: nodeFactorial, pos: op.pos, args: []*node{operand}}
	}
	return operand, nil
}

func (p *parser) parsePrimary() (*node, error) {
	tok := p.peek()
	switch tok.kind {
	case tokenNumber:
		p.advance()
		return &node{kind: nodeNumber, pos: tok.pos, number: tok.number, text: tok.text}, nil
	case tokenName:
		return p.parseCall()
	case tokenOpen:
		p.advance()
		if err := p.enter(tok); err != nil {
			return nil, err
		}

		inner, err := p.parseSum()
		if err != nil {
			return nil, err
		}

		if err := p.expectClose(tok); err != nil {
			return nil, err
		}

		p.leave()
		return inner, nil
	case tokenEnd:
		return nil, syntaxError(tok.pos,
			"the expression ends too early; expected a number, a function or '('")
	}
	return nil, syntaxError(tok.pos, "unexpected %s; expected a number, a function or '('",
		describeToken(tok))
}

// expectClose consumes the ')' that matches the '(' at open.
func (p *parser) expectClose(open token) error {
	switch p.peek().kind {
	case tokenClose:
		p.advance()
		return nil
	case tokenEnd:
		return syntaxError(p.peek().pos, "missing ')' to close the '(' at position %d", open.pos)
	}
	return p.unexpectedAfterOperand("')'")
}

// parseCall parses a function name and its arguments, and checks the
// name and the number of arguments.
func (p *parser) parseCall() (*node, error) {
	nameTok := p.advance()
	name := strings.ToLower(nameTok.text)
	spec, ok := lookupFunction(name)
	if !ok {
		return nil, syntaxError(nameTok.pos, "unknown function %q; the known functions are %s",
			nameTok.text, functionNames)
	}

	call := &node{kind: nodeCall, pos: nameTok.pos, name: name, text: nameTok.text}
	if p.peek().kind != tokenOpen {
		if spec.constant {
			return call, nil
		}
		return nil, syntaxError(nameTok.pos, "%s needs its arguments in parentheses, like %s(2)",
			nameTok.text, nameTok.text)
	}

	open := p.advance()
	if err := p.enter(open); err != nil {
		return nil, err
	}

	args, err := p.parseArguments(open)
	if err != nil {
		return nil, err
	}

	p.leave()

	if len(args) < spec.minArgs || len(args) > spec.maxArgs {
		return nil, syntaxError(nameTok.pos, "%s takes %s, got %d",
			nameTok.text, describeArity(spec), len(args))
	}
	call.args = args
	return call, nil
}

// parseArguments parses comma-separated arguments up to the ')' that
// matches open.
func (p *parser) parseArguments(open token) ([]*node, error) {
	var args []*node
	if p.peek().kind == tokenClose {
		p.advance()
		return args, nil
	}
	for {
		arg, err := p.parseSum()
		if err != nil {
			return nil, err
		}

		args = append(args, arg)
		if p.peek().kind != tokenComma {
			break
		}
		p.advance()
	}
	return args, p.expectClose(open)
}
